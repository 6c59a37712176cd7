import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Context, forbidden, requireId, requireUser } from '@tsp/shared';

import { ComplaintEntity, ComplaintStepEntity } from '../entities/index.js';
import { statusAfter, transitionProblem } from '../rules/complaint.js';
import type { ComplaintAction } from '../rules/kinds.js';
import { hidden, isBureauOf, isHandlerOf } from './access.js';

/** Who may take a step: the bureau of the complaint's region, or the staff of the agency it was sent to. */
export type Actor = 'bureau' | 'agency';

/**
 * The complaint, locked for the transaction, after checking the caller is `actor` for it and that `action` is
 * allowed now (CONFLICT with the status otherwise); its status moved on.
 */
export async function complaintFor(
  ctx: Context,
  tx: EntityManager,
  id: string,
  actor: Actor,
  action: ComplaintAction,
): Promise<ComplaintEntity> {
  requireUser(ctx.identity);
  const c = await tx.findOne(
    ComplaintEntity,
    { id: requireId('complaint', id) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!c) throw hidden(id);
  const bureau = isBureauOf(ctx.identity, c);
  const agency = isHandlerOf(ctx.identity, c);
  if (!bureau && !agency) throw hidden(id);
  if (actor === 'bureau' && !bureau) throw forbidden('only the justice bureau (司法局) of the region may do this');
  if (actor === 'agency' && !agency)
    throw forbidden('only the staff of the agency the complaint was sent to may answer');
  const problem = transitionProblem(action, c.status);
  if (problem) throw new AppError('CONFLICT', problem, { id: c.id, status: c.status });
  c.status = statusAfter(action);
  return c;
}

/** Keeps the step with who took it, its text and the due day it set. */
export function recordStep(
  ctx: Context,
  tx: EntityManager,
  c: ComplaintEntity,
  action: ComplaintAction,
  text: string | null,
  dueOn: string | null = null,
): void {
  tx.create(ComplaintStepEntity, { complaintId: c.id, action, actor: ctx.identity.sub ?? '', text, dueOn });
}
