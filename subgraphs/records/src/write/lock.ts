import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, assertCanWrite, type Context, notFound, requireId, Role } from '@tsp/shared';

import { CaseEntity } from '../entities/index.js';

/** Staff who record case activity: the agency's officers and its head (not reviewers, supervisors, admins). */
export const CASE_WRITERS: readonly Role[] = [Role.OFFICER, Role.AGENCY_HEAD];

/** A case the caller may write to (own agency, writer role), read outside any transaction for the pre-checks. */
export async function caseForWrite(
  ctx: Context,
  id: string,
  roles: readonly Role[] = CASE_WRITERS,
): Promise<CaseEntity> {
  const c = await ctx.em.findOne(CaseEntity, { id: requireId('case', id) });
  if (!c) throw notFound('case', id);
  assertCanWrite(ctx.identity, c.agencyId, roles);
  return c;
}

/** Re-reads the case under a row lock inside the write's transaction: writes to one case take turns. */
export async function lockCase(tx: EntityManager, id: string): Promise<CaseEntity> {
  const c = await tx.findOne(CaseEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!c) throw notFound('case', id);
  return c;
}

/** The pre-check read the case outside the lock; anything the rules used must still hold. */
export function assertUnchanged(before: CaseEntity, now: CaseEntity): void {
  if (before.stage !== now.stage || before.decided !== now.decided)
    throw new AppError(
      'CONFLICT',
      'the case changed while this was being checked; reload and try again / 案件已被他人更新',
      { stage: now.stage },
    );
}
