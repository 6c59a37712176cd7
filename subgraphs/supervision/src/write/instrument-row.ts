import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type Context, forbidden, requireId, requireUser } from '@tsp/shared';

import { SupervisionInstrumentEntity, SupervisionInstrumentStepEntity } from '../entities/index.js';
import { instrumentStatusAfter, instrumentTransitionProblem } from '../rules/instrument.js';
import type { InstrumentAction } from '../rules/instrument-kinds.js';
import { isBureauOf } from './access.js';
import { hiddenInstrument, isHeadOf, isStaffOf } from './instrument-access.js';

/** What a step keeps besides who and when. */
export interface StepFields {
  text?: string | null;
  measures?: string | null;
  dueOn?: string | null;
}

/**
 * The instrument, locked for the transaction, after checking the caller is the bureau (`bureau`) or the agency's
 * head (`agency`) and that `action` is allowed now (CONFLICT naming the status); its status moved on and the step
 * kept. Callers who may not see it get NOT_FOUND; those who see it but may not act, FORBIDDEN.
 */
export async function instrumentFor(
  ctx: Context,
  tx: EntityManager,
  id: string,
  actor: 'bureau' | 'agency',
  action: InstrumentAction,
  step: StepFields | ((i: SupervisionInstrumentEntity) => StepFields) = {},
): Promise<SupervisionInstrumentEntity> {
  requireUser(ctx.identity);
  const i = await tx.findOne(
    SupervisionInstrumentEntity,
    { id: requireId('supervision instrument', id) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!i) throw hiddenInstrument(id);
  const bureau = isBureauOf(ctx.identity, i);
  if (!bureau && !isStaffOf(ctx.identity, i)) throw hiddenInstrument(id);
  if (actor === 'bureau' && !bureau) throw forbidden('only the justice bureau (司法局) of the region may do this');
  if (actor === 'agency' && !isHeadOf(ctx.identity, i))
    throw forbidden('only the head of the agency addressed may respond / 仅被监督机关负责人可以回复');
  const problem = instrumentTransitionProblem(action, i.status);
  if (problem) throw new AppError('CONFLICT', problem, { id: i.id, status: i.status });
  const s = typeof step === 'function' ? step(i) : step;
  i.status = instrumentStatusAfter(action);
  tx.create(SupervisionInstrumentStepEntity, {
    instrumentId: i.id,
    action,
    actor: ctx.identity.sub ?? '',
    text: s.text ?? null,
    measures: s.measures ?? null,
    dueOn: s.dueOn ?? null,
  });
  return i;
}
