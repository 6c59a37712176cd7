import type { Migration } from '@mikro-orm/migrations';
import { WorkingCalendar } from '@tsp/shared';

/**
 * The working-day calendar with today's ADMIN overrides, for a migration that fills due days in. The calendar
 * schema migrates first (scripts/migrate.ts); a records schema migrated alone uses the bundled data.
 */
export async function migrationCalendar(m: Pick<Migration, 'execute'>): Promise<WorkingCalendar> {
  const [{ has }] = (await m.execute(`select to_regclass('calendar.day_override') is not null as has`)) as {
    has: boolean;
  }[];
  const overrides = has
    ? ((await m.execute(`select to_char(day, 'YYYY-MM-DD') as day, working from calendar.day_override`)) as {
        day: string;
        working: boolean;
      }[])
    : [];
  return new WorkingCalendar(new Map(overrides.map((r) => [r.day, r.working])));
}
