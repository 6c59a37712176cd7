import type { Context } from '@tsp/shared';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import { publicOfficers, verifyCredential } from '../read/public.js';
import { CredentialVerification, PublicOfficer } from './types.js';

@Resolver()
export class PublicResolver {
  @Query(() => [PublicOfficer], {
    description:
      '行政执法人员清单（公开，网上可查询） Public officer list: one row per valid credential, only the published fields',
  })
  async publicOfficers(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ): Promise<PublicOfficer[]> {
    return publicOfficers(ctx, agencyId);
  }

  @Query(() => CredentialVerification, {
    description:
      '证件核验（公开，亮证执法） Check a credential number: valid today or not, whose, what it covers. Unknown numbers answer valid: false.',
  })
  async verifyCredential(
    @Ctx() ctx: Context,
    @Arg('number', { description: '证号 Credential number' }) number: string,
  ): Promise<CredentialVerification> {
    return verifyCredential(ctx, number);
  }
}
