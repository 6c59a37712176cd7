import { type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { enterpriseByCode } from '../read/enterprises.js';
import { enterpriseReplay, registerEnterprise } from '../write/register-enterprise.js';
import { EnterpriseInput } from './inputs.js';
import { Enterprise } from './types.js';

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Query(() => Enterprise, {
    nullable: true,
    description: '按统一社会信用代码查企业 The enterprise registered under a code (signed-in callers); null if none',
  })
  enterprise(
    @Ctx() ctx: Context,
    @Arg('creditCode', { description: '统一社会信用代码 Unified social credit code' }) creditCode: string,
  ) {
    return enterpriseByCode(ctx, creditCode);
  }

  @UseMiddleware(Idempotent('inspection', enterpriseReplay))
  @Mutation(() => Enterprise, {
    description: '登记企业 Register an enterprise (agency staff or admin); a registered code is CONFLICT',
  })
  registerEnterprise(
    @Ctx() ctx: Context,
    @Arg('input', () => EnterpriseInput, { description: '企业 The enterprise' }) input: EnterpriseInput,
  ) {
    return registerEnterprise(ctx, input);
  }
}
