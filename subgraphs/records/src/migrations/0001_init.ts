import { Migration } from '@mikro-orm/migrations';
import { outboxSql } from '@tsp/shared';

/** Cases, their append-only record, decisions, per-agency settings, and the records outbox. */
export class RecordsInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.enforcement_case (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      case_number text not null,
      category text not null,
      cause text not null,
      party_type text not null check (party_type in ('NATURAL_PERSON','ORGANIZATION')),
      party_name text not null,
      party_is_minor boolean not null default false,
      party_id_number text,
      party_phone text,
      party_address text,
      amount_involved numeric(15,2) check (amount_involved >= 0),
      handler_ids uuid[] not null,
      stage text not null,
      filed_at timestamptz not null,
      decision_due_on date,
      hearing_held boolean not null default false,
      decided boolean not null default false,
      entry_count int not null default 0,
      legacy boolean not null default false,
      created_by text not null,
      created_at timestamptz not null default now(),
      unique (agency_id, case_number))`);
    this.addSql(
      `create index enforcement_case_agency_filed_idx on records.enforcement_case (agency_id, filed_at desc, id desc)`,
    );
    this.addSql(
      `create index enforcement_case_region_filed_idx on records.enforcement_case (region, filed_at desc, id desc)`,
    );
    this.addSql(
      `create index enforcement_case_overdue_idx on records.enforcement_case (agency_id, decision_due_on) where not decided`,
    );

    this.addSql(`create table records.deadline_extension (
      id uuid primary key,
      case_id uuid not null references records.enforcement_case(id) deferrable initially deferred,
      from_due_on date not null,
      to_due_on date not null check (to_due_on > from_due_on),
      reason text not null,
      approved_by text not null,
      at timestamptz not null default now())`);
    this.addSql(`create index deadline_extension_case_idx on records.deadline_extension (case_id, at)`);

    this.addSql(`create table records.record_entry (
      id uuid primary key,
      case_id uuid not null references records.enforcement_case(id) deferrable initially deferred,
      agency_id uuid not null,
      sequence int not null check (sequence >= 1),
      stage text not null,
      activity text not null,
      occurred_at timestamptz not null,
      recorded_at timestamptz not null,
      officer_ids uuid[] not null,
      summary text not null,
      affects_liberty_or_property boolean not null default false,
      corrects_id uuid references records.record_entry(id) deferrable initially deferred,
      hash text not null,
      recorded_by text not null,
      legacy boolean not null default false,
      credential_problem text,
      unique (case_id, sequence))`);
    this.addSql(`create index record_entry_agency_idx on records.record_entry (agency_id)`);

    this.addSql(`create table records.attachment (
      id uuid primary key,
      entry_id uuid not null references records.record_entry(id) deferrable initially deferred,
      case_id uuid not null references records.enforcement_case(id) deferrable initially deferred,
      position int not null,
      kind text not null check (kind in ('TEXT_DOCUMENT','AUDIO','VIDEO','PHOTO','ELECTRONIC_DATA')),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint not null check (size >= 0),
      media_type text not null,
      name text not null,
      full_process boolean not null default false,
      document_type text,
      unique (entry_id, position))`);
    this.addSql(`create index attachment_case_idx on records.attachment (case_id)`);

    this.addSql(`create table records.case_decision (
      case_id uuid primary key references records.enforcement_case(id) deferrable initially deferred,
      entry_id uuid not null references records.record_entry(id) deferrable initially deferred,
      outcome text not null,
      penalty_kinds text[] not null,
      fine_amount numeric(15,2),
      confiscation_amount numeric(15,2),
      legal_basis text not null,
      facts text not null,
      conclusion text not null,
      decided_on date not null,
      review_id uuid,
      legacy boolean not null default false)`);

    this.addSql(`create table records.audio_visual_list (
      agency_id uuid primary key,
      activities text[] not null,
      updated_by text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create table records.case_file_requirement (
      agency_id uuid not null,
      category text not null,
      documents text[] not null,
      updated_by text not null,
      updated_at timestamptz not null default now(),
      primary key (agency_id, category))`);

    for (const s of outboxSql('records')) this.addSql(s);
  }
}
