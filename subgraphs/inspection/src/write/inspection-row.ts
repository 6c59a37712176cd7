import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertCanWrite, type Context, notFound, requireId, type Role } from '@tsp/shared';

import { InspectionEntity } from '../entities/index.js';
import { type InspectionAction, statusAfter, transitionProblem } from '../rules/lifecycle.js';
import { stateError } from './state-error.js';

/**
 * The inspection, locked for the transaction, after checking the caller acts for its lead agency in one of
 * `roles` and that `action` is allowed now (INSPECTION_STATE otherwise).
 */
export async function inspectionFor(
  ctx: Context,
  tx: EntityManager,
  id: string,
  roles: readonly Role[],
  action: InspectionAction,
): Promise<InspectionEntity> {
  const i = await tx.findOne(
    InspectionEntity,
    { id: requireId('inspection', id) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!i) throw notFound('inspection', id);
  assertCanWrite(ctx.identity, i.agencyId, roles);
  const problem = transitionProblem(action, i);
  if (problem) throw stateError(i, problem);
  i.status = statusAfter(action, i.status);
  return i;
}
