import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Role, badInput, conflict, notFound, requireId, requireNonEmpty, requireText, requireRole, shanghaiDate, type Context, Idempotent, byId } from '@tsp/shared';
import { CredentialEntity, CredentialStatusChangeEntity, OfficerEntity } from '../entities/index.js';
import { Credential, CredentialStatusChange } from './types.js';
import { IssueCredentialInput } from './inputs.js';
import { CredentialStatus } from './enums.js';
import { credentialNumberProblem, credentialValidityProblem, effectiveStatus, statusChangeProblem } from '../rules/credentials.js';

@Resolver(() => Credential)
export class CredentialResolver {
  @FieldResolver(() => CredentialStatus, { description: '当前状态 Status today (EXPIRED once past expiry)' })
  status(@Root() c: CredentialEntity) {
    return effectiveStatus(c, shanghaiDate());
  }

  @FieldResolver(() => [CredentialStatusChange], { description: '状态变更记录 Status history' })
  history(@Root() c: CredentialEntity, @Ctx() ctx: Context) {
    return ctx.loaders
      .get<string, CredentialStatusChangeEntity[]>('credentialHistory', async (ids) => {
        const rows = await ctx.em.find(CredentialStatusChangeEntity, { credentialId: { $in: [...ids] } }, { orderBy: { at: 'asc' } });
        return ids.map((id) => rows.filter((r) => r.credentialId === id));
      })
      .load(c.id);
  }

  @UseMiddleware(Idempotent('personnel', byId(CredentialEntity)))
  @Mutation(() => Credential, { description: '发放执法证件（管理员） Issue a credential (ADMIN)' })
  async issueCredential(@Ctx() ctx: Context, @Arg('input', { description: '执法证件 The credential' }) input: IssueCredentialInput) {
    requireRole(ctx.identity, Role.ADMIN);
    const actor = ctx.identity.sub;
    const officer = await ctx.em.findOne(OfficerEntity, { id: requireId('officer', input.officerId) });
    if (!officer) throw notFound('officer', input.officerId);
    const number = requireText('number', input.number, 32);
    const numberProblem = credentialNumberProblem(number);
    if (numberProblem) throw badInput('number', numberProblem);
    if (input.fields.length > 20) throw badInput('fields', 'at most 20 fields');
    const validityProblem = credentialValidityProblem(input.issuedOn, input.expiresOn);
    if (validityProblem) throw badInput('expiresOn', validityProblem);
    if (await ctx.em.count(CredentialEntity, { number })) throw conflict(`credential number ${number} already exists / 证号已存在`);
    const categories = requireNonEmpty('categories', input.categories, 6);
    const fields = input.fields.map((f, i) => requireText(`fields[${i}]`, f, 50));
    const region = requireText('region', input.region, 100);
    const issuingAuthority = requireText('issuingAuthority', input.issuingAuthority, 100);
    return ctx.em.transactional(async (em) => {
      const c = em.create(CredentialEntity, {
        number, officerId: officer.id, agencyId: officer.agencyId, categories, fields, region,
        issuedOn: input.issuedOn, expiresOn: input.expiresOn, status: CredentialStatus.VALID, issuingAuthority,
      });
      // Plain uuid columns give the ORM no insert order: the credential must exist before its history row.
      await em.flush();
      em.create(CredentialStatusChangeEntity, { credentialId: c.id, fromStatus: null, toStatus: CredentialStatus.VALID, reason: '发证 issued', actor });
      return c;
    });
  }

  @UseMiddleware(Idempotent('personnel', byId(CredentialEntity)))
  @Mutation(() => Credential, { description: '变更证件状态（管理员），即时反映在公开名单 Suspend, revoke or restore a credential (ADMIN)' })
  async changeCredentialStatus(
    @Ctx() ctx: Context,
    @Arg('number', { description: '证号 Credential number' }) number: string,
    @Arg('status', () => CredentialStatus, { description: '新状态 New status' }) status: CredentialStatus,
    @Arg('reason', { description: '理由 Reason (kept in the status history)' }) reason: string,
  ) {
    requireRole(ctx.identity, Role.ADMIN);
    const why = requireText('reason', reason, 500);
    const c = await ctx.em.findOne(CredentialEntity, { number: number.trim().slice(0, 40) });
    if (!c) throw notFound('credential', number.slice(0, 40));
    const problem = statusChangeProblem(c.status, status);
    if (problem) throw badInput('status', problem);
    ctx.em.create(CredentialStatusChangeEntity, { credentialId: c.id, fromStatus: c.status, toStatus: status, reason: why, actor: ctx.identity.sub });
    c.status = status as CredentialEntity['status'];
    await ctx.em.flush();
    return c;
  }
}
