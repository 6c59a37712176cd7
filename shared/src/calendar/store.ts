import type { EntityManager } from '@mikro-orm/postgresql';

import { badInput } from '../errors.js';
import { isIsoDate } from '../graphql/scalars.js';
import { WorkingCalendar } from './working-days.js';

export interface DayOverride {
  date: string;
  working: boolean;
  note: string;
}

const TTL_MS = 30_000;
let cached: { at: number; cal: WorkingCalendar } | undefined;

/**
 * The calendar with the ADMIN's overrides, cached per process for 30 s (overrides change a few
 * times a year; a write in this process refreshes at once).
 */
export async function loadCalendar(em: EntityManager): Promise<WorkingCalendar> {
  if (cached && Date.now() - cached.at < TTL_MS) return cached.cal;
  const rows: { day: string; working: boolean }[] = await em.execute(
    `select to_char(day, 'YYYY-MM-DD') as day, working from calendar.day_override`,
  );
  const cal = new WorkingCalendar(new Map(rows.map((r) => [r.day, r.working])));
  cached = { at: Date.now(), cal };
  return cal;
}

/** Loads (upserts) official schedule days, e.g. a newly announced year. */
export async function saveOverrides(em: EntityManager, days: DayOverride[], actor: string): Promise<number> {
  for (const d of days) if (!isIsoDate(d.date)) throw badInput('days.date', `not a date: ${d.date}`);
  if (days.length === 0) return 0;
  const values = days.map(() => '(?::date, ?, ?, ?)').join(', ');
  await em.execute(
    `insert into calendar.day_override (day, working, note, loaded_by) values ${values}
     on conflict (day) do update set working = excluded.working, note = excluded.note, loaded_by = excluded.loaded_by, loaded_at = now()`,
    days.flatMap((d) => [d.date, d.working, d.note.slice(0, 200), actor]),
  );
  cached = undefined;
  return days.length;
}

export async function listOverrides(em: EntityManager, year: number): Promise<DayOverride[]> {
  const rows: { day: string; working: boolean; note: string }[] = await em.execute(
    `select to_char(day, 'YYYY-MM-DD') as day, working, note from calendar.day_override
     where day between ?::date and ?::date order by day`,
    [`${year}-01-01`, `${year}-12-31`],
  );
  return rows.map((r) => ({ date: r.day, working: r.working, note: r.note }));
}
