import { byId, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';

import { CredentialEntity } from '../entities/index.js';
import { credentialHistory, credentialStatusToday } from '../read/credentials.js';
import { changeCredentialStatus } from '../write/change-credential-status.js';
import { issueCredential } from '../write/issue-credential.js';
import { CredentialStatus } from './enums.js';
import { IssueCredentialInput } from './inputs.js';
import { Credential, CredentialStatusChange } from './types.js';

@Resolver(() => Credential)
export class CredentialResolver {
  @FieldResolver(() => CredentialStatus, { description: '当前状态 Status today (EXPIRED once past expiry)' })
  status(@Root() c: CredentialEntity) {
    return credentialStatusToday(c);
  }

  @FieldResolver(() => [CredentialStatusChange], { description: '状态变更记录 Status history' })
  history(@Root() c: CredentialEntity, @Ctx() ctx: Context) {
    return credentialHistory(ctx, c);
  }

  @UseMiddleware(Idempotent('personnel', byId(CredentialEntity)))
  @Mutation(() => Credential, { description: '发放执法证件（管理员） Issue a credential (ADMIN)' })
  async issueCredential(
    @Ctx() ctx: Context,
    @Arg('input', { description: '执法证件 The credential' }) input: IssueCredentialInput,
  ) {
    return issueCredential(ctx, input);
  }

  @UseMiddleware(Idempotent('personnel', byId(CredentialEntity)))
  @Mutation(() => Credential, {
    description: '变更证件状态（管理员），即时反映在公开名单 Suspend, revoke or restore a credential (ADMIN)',
  })
  async changeCredentialStatus(
    @Ctx() ctx: Context,
    @Arg('number', { description: '证号 Credential number' }) number: string,
    @Arg('status', () => CredentialStatus, { description: '新状态 New status' }) status: CredentialStatus,
    @Arg('reason', { description: '理由 Reason (kept in the status history)' }) reason: string,
  ) {
    return changeCredentialStatus(ctx, number, status, reason);
  }
}
