import { Migration } from '@mikro-orm/migrations';
import { inboxSql } from '@tsp/shared';

/** Foreign keys are checked at commit: the ORM may insert a revision before its parent within one flush. */
export class DisclosureInit extends Migration {
  async up(): Promise<void> {
    // Ex-ante lists (事前公开): one versioned store; the current version is public, every version is kept.
    this.addSql(`create table disclosure.listing (
      id uuid primary key,
      agency_id uuid not null,
      kind text not null check (kind in ('ENFORCEMENT_ITEM','RANDOM_INSPECTION_ITEM','SERVICE_GUIDE','BODY_INFORMATION','PROCESS')),
      key text not null,
      version int not null,
      data jsonb not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      unique (agency_id, kind, key))`);
    this.addSql(`create table disclosure.listing_revision (
      id uuid primary key,
      listing_id uuid not null references disclosure.listing(id) deferrable initially deferred,
      version int not null,
      data jsonb not null,
      active boolean not null,
      changed_at timestamptz not null default now(),
      changed_by text not null,
      note text not null default '',
      unique (listing_id, version))`);

    // Decisions and inspection results (事后公开). Text columns hold the masked public copy only.
    this.addSql(`create table disclosure.publication (
      id uuid primary key,
      kind text not null check (kind in ('DECISION','INSPECTION_RESULT')),
      source_event_id uuid unique,
      case_id uuid,
      agency_id uuid not null,
      region text not null,
      category text not null,
      party_type text not null,
      party_name_private text,
      case_number text not null,
      party_name text not null,
      summary text not null,
      conclusion text not null,
      legal_basis text not null,
      outcome text not null default '',
      penalty_kinds text[] not null default '{}',
      fine_amount numeric(15,2),
      confiscation_amount numeric(15,2),
      decided_on date not null,
      due_on date not null,
      status text not null check (status in ('DRAFT','PUBLISHED','WITHDRAWN')),
      publishable boolean not null,
      not_publishable_reason text,
      check_note text,
      published_at timestamptz,
      published_by text,
      expires_on date,
      withdrawal_trigger text,
      withdrawal_event_on date,
      withdrawal_due_on date,
      withdrawn_at timestamptz,
      withdrawal_reason text,
      version int not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (publishable or status = 'DRAFT'),
      check (publishable or party_name_private is null))`);
    this.addSql(`create unique index publication_case_uq on disclosure.publication (case_id) where kind = 'DECISION'`);
    this.addSql(
      `create index publication_public_idx on disclosure.publication (published_at desc, id desc) where status = 'PUBLISHED'`,
    );
    this.addSql(`create index publication_agency_idx on disclosure.publication (agency_id, status, due_on)`);
    this.addSql(`create index publication_region_idx on disclosure.publication (region)`);
    this.addSql(`create table disclosure.publication_revision (
      id uuid primary key,
      publication_id uuid not null references disclosure.publication(id) deferrable initially deferred,
      version int not null,
      action text not null,
      reason text not null default '',
      actor text not null,
      at timestamptz not null default now(),
      snapshot jsonb not null,
      public boolean not null,
      unique (publication_id, version))`);

    // 公示期限 per agency and penalty kind (months); absent = the legal default.
    this.addSql(`create table disclosure.publication_period (
      agency_id uuid not null,
      penalty_kind text not null,
      months int not null check (months between 1 and 120),
      updated_at timestamptz not null default now(),
      updated_by text not null,
      primary key (agency_id, penalty_kind))`);

    // Review outcomes received from review (annual report counts).
    this.addSql(`create table disclosure.review_outcome (
      event_id uuid primary key,
      review_id text not null,
      agency_id uuid not null,
      region text not null,
      type text not null,
      occurred_on date not null)`);
    this.addSql(`create index review_outcome_agency_idx on disclosure.review_outcome (agency_id, occurred_on)`);

    // Frozen annual reports (年度行政执法数据).
    this.addSql(`create table disclosure.annual_report (
      agency_id uuid not null,
      year int not null,
      totals jsonb not null,
      published_at timestamptz not null default now(),
      published_by text not null,
      primary key (agency_id, year))`);

    // Events that could not be used, kept for the operators instead of blocking the feed.
    this.addSql(`create table disclosure.event_problem (
      event_id uuid primary key,
      source text not null,
      type text not null,
      problem text not null,
      payload jsonb not null,
      at timestamptz not null default now())`);

    for (const s of inboxSql('disclosure')) this.addSql(s);
  }
}
