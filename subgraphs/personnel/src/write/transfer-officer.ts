import { LockMode } from '@mikro-orm/core';
import {
  badInput,
  conflict,
  type Context,
  forbidden,
  notFound,
  requireId,
  requireRole,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import {
  CredentialEntity,
  CredentialStatusChangeEntity,
  OfficerEntity,
  OfficerTransferEntity,
} from '../entities/index.js';
import { publishCredentialStatusChanged } from '../events/credential-events.js';
import { agencyOrThrow } from '../read/access.js';
import { load } from '../read/loaders.js';
import { CredentialStatus } from '../rules/kinds.js';
import {
  credentialsEndedByTransfer,
  currentSince,
  registeredOn,
  transferProblem,
  transferRevocationReason,
} from '../rules/transfer.js';

export interface TransferOfficerInputLike {
  officerId: string;
  agencyId: string;
  effectiveOn: string;
  reason: string;
}

/**
 * 人员调动 Moves an officer to another agency (ADMIN; the SUPERVISOR between agencies of its region). In one
 * transaction: the transfer is recorded, the old agency's credentials are revoked (调离注销) with the reason in
 * their history and a CredentialStatusChanged each (the credential does not follow the officer: the new agency
 * issues its own), and the officer belongs to the new agency.
 */
export async function transferOfficer(ctx: Context, input: TransferOfficerInputLike): Promise<OfficerEntity> {
  requireRole(ctx.identity, Role.ADMIN, Role.SUPERVISOR);
  const actor = ctx.identity.sub;
  const officerId = requireId('officer', input.officerId);
  const seen = await load.officer(ctx).load(officerId);
  if (!seen) throw notFound('officer', input.officerId);
  const [from, to] = await Promise.all([agencyOrThrow(ctx, seen.agencyId), agencyOrThrow(ctx, input.agencyId)]);
  // The region's 司法局 supervises its agencies and manages their credentials, not other regions':
  // it moves officers between its own agencies only.
  if (
    ctx.identity.role === Role.SUPERVISOR &&
    (from.region !== ctx.identity.region || to.region !== ctx.identity.region)
  )
    throw forbidden('a supervisor transfers officers only between agencies of its region / 只能在本区域机关之间调动');
  const reason = requireText('reason', input.reason, 500);
  const today = shanghaiDate();

  return ctx.em.transactional(async (tx) => {
    // Under the officer's lock, so two transfers of one officer take turns and each sees the other.
    const o = await tx.findOne(
      OfficerEntity,
      { id: officerId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!o) throw notFound('officer', officerId);
    if (o.agencyId !== from.id)
      throw conflict('the officer was transferred meanwhile; reload and try again / 该人员已被调动');
    const transfers = await tx.find(
      OfficerTransferEntity,
      { officerId },
      { orderBy: { effectiveOn: 'asc', at: 'asc' } },
    );
    const problem = transferProblem({
      currentAgencyId: o.agencyId,
      targetAgencyId: to.id,
      effectiveOn: input.effectiveOn,
      currentSince: currentSince(registeredOn(o), transfers),
      today,
    });
    if (problem) throw badInput(problem.field, problem.why);

    tx.create(OfficerTransferEntity, {
      officerId,
      fromAgencyId: from.id,
      toAgencyId: to.id,
      effectiveOn: input.effectiveOn,
      reason,
      actor,
    });
    const creds = await tx.find(CredentialEntity, { officerId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const why = transferRevocationReason({
      fromAgencyName: from.name,
      toAgencyName: to.name,
      effectiveOn: input.effectiveOn,
      reason,
    });
    for (const c of credentialsEndedByTransfer(creds, from.id)) {
      const previous = c.status;
      tx.create(CredentialStatusChangeEntity, {
        credentialId: c.id,
        fromStatus: previous,
        toStatus: CredentialStatus.REVOKED,
        reason: why,
        actor,
      });
      c.status = CredentialStatus.REVOKED;
      await publishCredentialStatusChanged(tx, c, { name: o.name, agency: from }, previous);
    }
    o.agencyId = to.id;
    return o;
  });
}
