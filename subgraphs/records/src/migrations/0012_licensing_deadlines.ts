import { Migration } from '@mikro-orm/migrations';

import { acceptanceDueOn, licensingDecisionDueOn } from '../rules/licensing.js';
import { migrationCalendar } from './calendar.js';

/**
 * 行政许可期限 (行政许可法 §32, §42, §82; rules/licensing.ts). On the case: `acceptance_due_on` (licensing only,
 * filing + 5 working days) and `accepted_on` (day of the first ACCEPTANCE entry). Licensing cases filed before this
 * get both due days here, on the calendar with today's overrides as 0009 does: no ACCEPTANCE could be recorded
 * then, so their decision is due 20 working days after filing (§32's deemed acceptance), where none was set. The
 * partial index holds the LICENSING_ACCEPTANCE_OVERDUE candidates: due day set, and no acceptance or a late one.
 */
export class RecordsLicensingDeadlines extends Migration {
  async up(): Promise<void> {
    const cal = await migrationCalendar(this);
    const cases = (await this.execute(
      `select id, to_char(filed_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as filed_on
         from records.enforcement_case where category = 'LICENSING'`,
    )) as { id: string; filed_on: string }[];

    this.addSql(`alter table records.enforcement_case add column acceptance_due_on date, add column accepted_on date`);
    // Ids and days come from the database in fixed formats (uuid, YYYY-MM-DD): safe as array literals.
    if (cases.length) {
      const ids = cases.map((c) => c.id).join(',');
      const accept = cases.map((c) => acceptanceDueOn(c.filed_on, cal)).join(',');
      const decide = cases.map((c) => licensingDecisionDueOn({ filedOn: c.filed_on, acceptedOn: null }, cal)).join(',');
      this.addSql(`update records.enforcement_case c
          set acceptance_due_on = v.accept, decision_due_on = coalesce(c.decision_due_on, v.decide)
         from unnest('{${ids}}'::uuid[], '{${accept}}'::date[], '{${decide}}'::date[]) v(id, accept, decide)
        where c.id = v.id`);
    }
    this.addSql(`create index enforcement_case_unaccepted_idx on records.enforcement_case (agency_id, acceptance_due_on)
      where acceptance_due_on is not null and (accepted_on is null or accepted_on > acceptance_due_on)`);
  }
}
