import { Migration } from '@mikro-orm/migrations';
import { outboxSql, outboxTraceparentSql } from '@tsp/shared';

/** Inspections with their enterprises (codes, ratings) and items, the regions' caps, annual plans, and the outbox. */
export class InspectionInspections extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table inspection.inspection (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      kind text not null check (kind in ('ROUTINE','TARGETED','JOINT')),
      urgent boolean not null default false,
      reason text not null,
      partner_agency_ids uuid[] not null default '{}',
      officer_ids uuid[] not null,
      team jsonb not null default '[]',
      valid_from date not null,
      valid_until date not null check (valid_until >= valid_from),
      status text not null check (status in ('PLANNED','APPROVED','IN_PROGRESS','FINISHED','CANCELLED')),
      planned_by text not null,
      planned_at timestamptz not null default now(),
      approved_by text,
      approved_at timestamptz,
      started_at timestamptz,
      started_on date,
      records_case_id uuid unique,
      finished_at timestamptz,
      outcome text check (outcome in ('NO_PROBLEM','RECTIFICATION_ORDERED','CASE_OPENED')),
      outcome_note text,
      outcome_case_id uuid unique,
      cancel_reason text,
      check ((outcome = 'CASE_OPENED') = (outcome_case_id is not null)),
      check ((status = 'FINISHED') = (outcome is not null)))`);
    this.addSql(`create index inspection_agency on inspection.inspection (agency_id, valid_from)`);
    this.addSql(`create index inspection_region on inspection.inspection (region, valid_from)`);
    this.addSql(`create table inspection.inspection_target (
      inspection_id uuid not null references inspection.inspection(id) deferrable initially deferred,
      enterprise_id uuid not null references inspection.enterprise(id),
      code text not null unique,
      score int check (score between 1 and 5),
      comment text,
      rated_at timestamptz,
      primary key (inspection_id, enterprise_id))`);
    // Visits per enterprise are counted for the caps on every approval and start.
    this.addSql(`create index inspection_target_enterprise on inspection.inspection_target (enterprise_id)`);
    this.addSql(`create table inspection.inspection_scope (
      inspection_id uuid not null references inspection.inspection(id) deferrable initially deferred,
      item_id uuid not null references inspection.inspection_item(id),
      item_version int not null,
      primary key (inspection_id, item_id))`);
    this.addSql(`create table inspection.region_caps (
      region text primary key,
      per_day int not null check (per_day between 1 and 1000),
      per_week int not null check (per_week between 1 and 1000),
      per_month int not null check (per_month between 1 and 1000),
      routine_per_agency_year int not null check (routine_per_agency_year between 1 and 1000),
      updated_by text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create table inspection.plan_line (
      agency_id uuid not null,
      year int not null,
      item_id uuid not null references inspection.inspection_item(id),
      planned int not null check (planned >= 0),
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (agency_id, year, item_id))`);
    for (const s of [...outboxSql('inspection'), ...outboxTraceparentSql('inspection')]) this.addSql(s);
  }
}
