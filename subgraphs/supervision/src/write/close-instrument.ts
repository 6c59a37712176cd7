import { badInput, type Context, loadCalendar, requireText, shanghaiDate } from '@tsp/shared';

import type { SupervisionInstrumentEntity } from '../entities/index.js';
import { publishInstrumentEvent } from '../events/instrument-events.js';
import { INSTRUMENT_LIMITS, responseDueOn } from '../rules/instrument.js';
import { InstrumentAction } from '../rules/instrument-kinds.js';
import { instrumentFor } from './instrument-row.js';

/**
 * 办结或退回 The bureau accepts the agency's response (closed), or does not: then the instrument goes back to the
 * agency with a new due day — the instrument's own number of working days from today — and the return is counted.
 * The earlier response stays in the steps.
 */
export async function closeSupervisionInstrument(
  ctx: Context,
  id: string,
  accepted: boolean,
  note: string,
): Promise<SupervisionInstrumentEntity> {
  const text = requireText('note', note, INSTRUMENT_LIMITS.note);
  return ctx.em.transactional(async (tx) => {
    if (accepted) {
      const i = await instrumentFor(ctx, tx, id, 'bureau', InstrumentAction.ACCEPT, { text });
      i.closedAt = new Date();
      i.closedBy = ctx.identity.sub ?? '';
      i.closeNote = text;
      await tx.flush();
      await publishInstrumentEvent(tx, 'SupervisionInstrumentClosed', i);
      return i;
    }
    const cal = await loadCalendar(tx);
    // The due day depends on the row's own working days, read under the lock.
    const dueOf = (row: SupervisionInstrumentEntity) => {
      const due = responseDueOn(cal, shanghaiDate(), row.kind, row.responseWorkingDays);
      if ('problem' in due) throw badInput('id', due.problem);
      return due.dueOn;
    };
    const i = await instrumentFor(ctx, tx, id, 'bureau', InstrumentAction.RETURN, (row) => ({
      text,
      dueOn: dueOf(row),
    }));
    i.dueOn = dueOf(i);
    i.returnCount += 1;
    i.returnNote = text;
    await tx.flush();
    return i;
  });
}
