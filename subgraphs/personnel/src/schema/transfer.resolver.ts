import { LockMode } from '@mikro-orm/core';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Role, badInput, conflict, forbidden, notFound, requireId, requireRole, requireText, shanghaiDate, type Context, Idempotent, byId } from '@tsp/shared';
import { CredentialEntity, CredentialStatusChangeEntity, OfficerEntity, OfficerTransferEntity } from '../entities/index.js';
import { Agency, Officer } from './types.js';
import { OfficerAssignment, TransferOfficerInput } from './transfer.types.js';
import { CredentialStatus } from '../rules/kinds.js';
import { assignmentHistory, credentialsEndedByTransfer, currentSince, transferProblem, transferRevocationReason, type Assignment } from '../rules/transfer.js';
import { load } from './loaders.js';
import { agencyOrThrow } from './access.js';

/** The day the officer was registered, in Asia/Shanghai: where their first assignment begins. */
const registeredOn = (o: OfficerEntity) => shanghaiDate(o.createdAt);

@Resolver(() => Officer)
export class TransferResolver {
  @FieldResolver(() => [OfficerAssignment], { description: '任职经历 Assignment history, oldest first: each agency, from, to (调动记录)' })
  async assignments(@Root() o: OfficerEntity, @Ctx() ctx: Context): Promise<(Assignment & { current: boolean })[]> {
    const transfers = await load.transfersOfOfficer(ctx).load(o.id);
    return assignmentHistory(registeredOn(o), o.agencyId, transfers).map((a) => ({ ...a, current: a.to === null }));
  }

  @UseMiddleware(Idempotent('personnel', byId(OfficerEntity)))
  @Mutation(() => Officer, {
    description:
      '人员调动 Move an officer to another agency (ADMIN; the SUPERVISOR 司法局 between agencies of its region). At once: the officer belongs to the new agency, the old agency\'s credentials are revoked (调离注销, with the reason in their history), so the public list and verifyCredential show it and the officer can no longer act on the old agency\'s cases; a credential for the new agency is issued separately (issueCredential).',
  })
  async transferOfficer(@Ctx() ctx: Context, @Arg('input', { description: '调动 The transfer' }) input: TransferOfficerInput): Promise<OfficerEntity> {
    requireRole(ctx.identity, Role.ADMIN, Role.SUPERVISOR);
    const actor = ctx.identity.sub;
    const officerId = requireId('officer', input.officerId);
    const seen = await load.officer(ctx).load(officerId);
    if (!seen) throw notFound('officer', input.officerId);
    const [from, to] = await Promise.all([agencyOrThrow(ctx, seen.agencyId), agencyOrThrow(ctx, input.agencyId)]);
    // 司法局 manages the credentials of its region (domain.md §4): it moves officers between its own agencies only.
    if (ctx.identity.role === Role.SUPERVISOR && (from.region !== ctx.identity.region || to.region !== ctx.identity.region))
      throw forbidden('a supervisor transfers officers only between agencies of its region / 只能在本区域机关之间调动');
    const reason = requireText('reason', input.reason, 500);
    const today = shanghaiDate();

    return ctx.em.transactional(async (tx) => {
      // Under the officer's lock, so two transfers of one officer take turns and each sees the other.
      const o = await tx.findOne(OfficerEntity, { id: officerId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!o) throw notFound('officer', officerId);
      if (o.agencyId !== from.id) throw conflict('the officer was transferred meanwhile; reload and try again / 该人员已被调动');
      const transfers = await tx.find(OfficerTransferEntity, { officerId }, { orderBy: { effectiveOn: 'asc', at: 'asc' } });
      const problem = transferProblem({
        currentAgencyId: o.agencyId, targetAgencyId: to.id, effectiveOn: input.effectiveOn, currentSince: currentSince(registeredOn(o), transfers), today,
      });
      if (problem) throw badInput(problem.field, problem.why);

      tx.create(OfficerTransferEntity, { officerId, fromAgencyId: from.id, toAgencyId: to.id, effectiveOn: input.effectiveOn, reason, actor });
      const creds = await tx.find(CredentialEntity, { officerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const why = transferRevocationReason({ fromAgencyName: from.name, toAgencyName: to.name, effectiveOn: input.effectiveOn, reason });
      for (const c of credentialsEndedByTransfer(creds, from.id)) {
        tx.create(CredentialStatusChangeEntity, { credentialId: c.id, fromStatus: c.status, toStatus: CredentialStatus.REVOKED, reason: why, actor });
        c.status = CredentialStatus.REVOKED;
      }
      o.agencyId = to.id;
      return o;
    });
  }
}

@Resolver(() => OfficerAssignment)
export class AssignmentResolver {
  @FieldResolver(() => Agency, { description: '任职机关 Agency' })
  agency(@Root() a: Assignment, @Ctx() ctx: Context) {
    return agencyOrThrow(ctx, a.agencyId);
  }
}
