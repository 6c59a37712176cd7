import { badInput, type Context, notFound, requireRole, requireText, Role } from '@tsp/shared';

import { CredentialEntity, CredentialStatusChangeEntity } from '../entities/index.js';
import { statusChangeProblem } from '../rules/credentials.js';
import type { CredentialStatus } from '../rules/kinds.js';

/**
 * 动态管理 Suspends, revokes or restores a credential (ADMIN), with the reason kept in its history; the public
 * list and verifyCredential show the new status at once.
 */
export async function changeCredentialStatus(
  ctx: Context,
  number: string,
  status: CredentialStatus,
  reason: string,
): Promise<CredentialEntity> {
  requireRole(ctx.identity, Role.ADMIN);
  const why = requireText('reason', reason, 500);
  const c = await ctx.em.findOne(CredentialEntity, { number: number.trim().slice(0, 40) });
  if (!c) throw notFound('credential', number.slice(0, 40));
  const problem = statusChangeProblem(c.status, status);
  if (problem) throw badInput('status', problem);
  ctx.em.create(CredentialStatusChangeEntity, {
    credentialId: c.id,
    fromStatus: c.status,
    toStatus: status,
    reason: why,
    actor: ctx.identity.sub,
  });
  c.status = status as CredentialEntity['status'];
  await ctx.em.flush();
  return c;
}
