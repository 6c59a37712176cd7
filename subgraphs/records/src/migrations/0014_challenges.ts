import { Migration } from '@mikro-orm/migrations';

/**
 * 行政复议 / 行政诉讼 (rules/challenge.ts): `decision_challenge`, each reconsideration or lawsuit against a decision,
 * with the case's agency and region copied for scoping. Updated once, when the outcome is recorded (PENDING → final),
 * so unlike the entries it is not append-only. One (case, kind, reference) each. The partial index holds the
 * overturned ones the findings report; the (agency_id, decided_on) index serves the statistics by month decided.
 */
export class RecordsChallenges extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.decision_challenge (
      id uuid primary key,
      case_id uuid not null references records.enforcement_case (id),
      agency_id uuid not null,
      region text not null,
      kind text not null,
      body text not null,
      reference text not null,
      filed_on date not null,
      outcome text not null,
      decided_on date,
      summary text not null,
      recorded_by text not null,
      decided_by text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      constraint decision_challenge_case_kind_reference_unique unique (case_id, kind, reference))`);
    this.addSql(
      `create index decision_challenge_agency_decided_idx on records.decision_challenge (agency_id, decided_on)`,
    );
    this.addSql(`create index decision_challenge_overturned_idx on records.decision_challenge (agency_id, case_id)
      where outcome in ('CHANGED', 'REVOKED', 'CONFIRMED_UNLAWFUL', 'CONFIRMED_VOID')`);
    this.addSql(`grant select, insert, update on records.decision_challenge to records_writer`);
  }
}
