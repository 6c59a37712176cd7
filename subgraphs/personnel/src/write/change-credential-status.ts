import { LockMode } from '@mikro-orm/core';
import { badInput, type Context, notFound, requireRole, requireText, Role } from '@tsp/shared';

import { AgencyEntity, CredentialEntity, CredentialStatusChangeEntity, OfficerEntity } from '../entities/index.js';
import { publishCredentialStatusChanged } from '../events/credential-events.js';
import { statusChangeProblem } from '../rules/credentials.js';
import type { CredentialStatus } from '../rules/kinds.js';

/**
 * 动态管理 Suspends, revokes or restores a credential (ADMIN), with the reason kept in its history; the public
 * list and verifyCredential show the new status at once, and CredentialStatusChanged is published with it.
 */
export async function changeCredentialStatus(
  ctx: Context,
  number: string,
  status: CredentialStatus,
  reason: string,
): Promise<CredentialEntity> {
  requireRole(ctx.identity, Role.ADMIN);
  const actor = ctx.identity.sub;
  const why = requireText('reason', reason, 500);
  return ctx.em.transactional(async (tx) => {
    // Under the credential's lock, so two changes take turns and the second is checked against the first's result.
    const c = await tx.findOne(
      CredentialEntity,
      { number: number.trim().slice(0, 40) },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!c) throw notFound('credential', number.slice(0, 40));
    const problem = statusChangeProblem(c.status, status);
    if (problem) throw badInput('status', problem);
    const previous = c.status;
    tx.create(CredentialStatusChangeEntity, {
      credentialId: c.id,
      fromStatus: previous,
      toStatus: status,
      reason: why,
      actor,
    });
    c.status = status as CredentialEntity['status'];
    const officer = await tx.findOneOrFail(OfficerEntity, { id: c.officerId });
    const agency = await tx.findOneOrFail(AgencyEntity, { id: c.agencyId });
    await publishCredentialStatusChanged(tx, c, { name: officer.name, agency }, previous);
    return c;
  });
}
