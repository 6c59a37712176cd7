import { Migration } from '@mikro-orm/migrations';
import type { EnforcementCategory, PenaltyKind } from '@tsp/shared';

import { serviceDueOn } from '../rules/service.js';
import { migrationCalendar } from './calendar.js';

/**
 * 送达 (行政处罚法 §61). `case_decision.party_present`: whether the party was present when the decision
 * was announced (null: not recorded, as for every decision before this). On the case, like
 * `decision_due_on`/`decided`: `service_due_on`, set with the decision, and `served_at`, the earliest
 * SERVICE / SERVICE_BY_POSTING / SERVICE_BY_RETENTION entry recorded after the DECISION entry. Both are
 * filled here for decisions already recorded (the due day from rules/service.ts on the calendar with
 * today's overrides). The partial index holds only cases with a due day and no service — the
 * SERVICE_OVERDUE candidates, few in practice — as enforcement_case_overdue_idx does for CASE_OVERDUE.
 */
export class RecordsService extends Migration {
  async up(): Promise<void> {
    const cal = await migrationCalendar(this);
    const decided = (await this.execute(
      `select d.case_id, c.category, d.penalty_kinds, to_char(d.decided_on, 'YYYY-MM-DD') as decided_on
         from records.case_decision d join records.enforcement_case c on c.id = d.case_id`,
    )) as { case_id: string; category: EnforcementCategory; penalty_kinds: PenaltyKind[]; decided_on: string }[];
    const due = decided
      .map((r) => ({
        id: r.case_id,
        on: serviceDueOn(
          { category: r.category, penaltyKinds: r.penalty_kinds, decidedOn: r.decided_on, partyPresent: null },
          cal,
        ),
      }))
      .filter((r): r is { id: string; on: string } => r.on !== null);

    this.addSql(`alter table records.case_decision add column party_present boolean`);
    this.addSql(
      `alter table records.enforcement_case add column service_due_on date, add column served_at timestamptz`,
    );
    // Ids and days come from the database in fixed formats (uuid, YYYY-MM-DD): safe as array literals.
    if (due.length)
      this.addSql(`update records.enforcement_case c set service_due_on = v.due
        from unnest('{${due.map((r) => r.id).join(',')}}'::uuid[], '{${due.map((r) => r.on).join(',')}}'::date[]) v(id, due) where c.id = v.id`);
    this.addSql(`update records.enforcement_case c set served_at = s.at
      from (select e.case_id, min(e.occurred_at) as at
              from records.case_decision d
              join records.record_entry de on de.id = d.entry_id
              join records.record_entry e on e.case_id = d.case_id and e.sequence > de.sequence
             where e.activity in ('SERVICE', 'SERVICE_BY_POSTING', 'SERVICE_BY_RETENTION')
             group by e.case_id) s
     where s.case_id = c.id`);
    this.addSql(`create index enforcement_case_unserved_idx on records.enforcement_case (agency_id, service_due_on)
      where served_at is null and service_due_on is not null`);
  }
}
