import { type Context, requireText } from '@tsp/shared';

import type { SupervisionInstrumentEntity } from '../entities/index.js';
import { publishInstrumentEvent } from '../events/instrument-events.js';
import { INSTRUMENT_LIMITS } from '../rules/instrument.js';
import { InstrumentAction } from '../rules/instrument-kinds.js';
import { instrumentFor } from './instrument-row.js';

/** 回复 The agency's head reports what it did: the response and the measures taken. */
export async function respondToSupervisionInstrument(
  ctx: Context,
  id: string,
  response: string,
  measures: string,
): Promise<SupervisionInstrumentEntity> {
  const text = requireText('response', response, INSTRUMENT_LIMITS.response);
  const taken = requireText('measures', measures, INSTRUMENT_LIMITS.measures);
  return ctx.em.transactional(async (tx) => {
    const i = await instrumentFor(ctx, tx, id, 'agency', InstrumentAction.RESPOND, { text, measures: taken });
    i.response = text;
    i.measures = taken;
    i.respondedBy = ctx.identity.sub ?? '';
    i.respondedAt = new Date();
    await tx.flush();
    await publishInstrumentEvent(tx, 'SupervisionInstrumentResponded', i);
    return i;
  });
}
