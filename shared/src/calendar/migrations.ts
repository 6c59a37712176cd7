import { Migration } from '@mikro-orm/migrations';

/** The shared calendar schema: official-schedule overrides an ADMIN loads. */
export class CalendarInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table calendar.day_override (
      day date primary key,
      working boolean not null,
      note text not null default '',
      loaded_by text not null,
      loaded_at timestamptz not null default now())`);
  }
}
export const calendarMigrations = [{ name: '0001_calendar_init', class: CalendarInit }];
