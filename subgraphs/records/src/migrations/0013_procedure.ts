import { Migration } from '@mikro-orm/migrations';

/**
 * 告知、陈述申辩与听证 (行政处罚法 §44–§65). `prior_notice`: each notice served, with the terms it announced
 * (a new notice supersedes the earlier one); `case_hearing`: each hearing with its chair; both append-only like
 * the entries they belong to. `procedure_settings`: an agency's statement-and-defence period. On the decision,
 * `procedure_problem` is the rule a legacy import broke (live decisions cannot break it: the gate refuses them),
 * and the discretion it applied (裁量基准: benchmark, version, tier, circumstances) with its departures, if any,
 * and their reason; a partial index holds the decisions the findings report.
 */
export class RecordsProcedure extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.prior_notice (
      id uuid primary key,
      case_id uuid not null references records.enforcement_case (id),
      entry_id uuid not null references records.record_entry (id),
      penalty_kinds text[] not null,
      fine_amount numeric(15, 2),
      confiscation_amount numeric(15, 2),
      facts text not null,
      legal_basis text not null,
      hearing_offered boolean not null,
      statement_working_days int not null,
      served_at timestamptz not null)`);
    this.addSql(`create index prior_notice_case_idx on records.prior_notice (case_id, served_at desc)`);
    this.addSql(`create table records.case_hearing (
      id uuid primary key,
      case_id uuid not null references records.enforcement_case (id),
      entry_id uuid not null references records.record_entry (id),
      chair_officer_id uuid not null,
      held_at timestamptz not null,
      recorded boolean not null)`);
    this.addSql(`create index case_hearing_case_idx on records.case_hearing (case_id, held_at desc)`);
    this.addSql(`create table records.procedure_settings (
      agency_id uuid primary key,
      statement_working_days int not null,
      updated_by text not null,
      updated_at timestamptz not null)`);
    this.addSql(`alter table records.case_decision add column procedure_problem text,
      add column benchmark_id uuid, add column benchmark_version int, add column discretion_tier text,
      add column discretion_circumstances text[] not null default '{}', add column departure_reason text,
      add column discretion_departures text[] not null default '{}'`);
    this.addSql(`create index case_decision_departed_idx on records.case_decision (case_id)
      where procedure_problem is not null or cardinality(discretion_departures) > 0`);
    for (const t of ['prior_notice', 'case_hearing']) {
      this.addSql(`create trigger ${t}_refuse_change before update or delete on records.${t}
        for each row execute function records.refuse_change()`);
      this.addSql(`create trigger ${t}_refuse_truncate before truncate on records.${t}
        for each statement execute function records.refuse_change()`);
    }
    this.addSql(`grant select, insert on records.prior_notice, records.case_hearing to records_writer`);
    this.addSql(`grant select, insert, update on records.procedure_settings to records_writer`);
  }
}
