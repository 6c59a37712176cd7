import { Migration } from '@mikro-orm/migrations';
import { inboxSql, outboxSql } from '@tsp/shared';

export class ReviewInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table review.catalog_rule (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      category text not null,
      description text not null,
      penalty_kinds text[] not null default '{}',
      fine_min_natural_person numeric(15,2) check (fine_min_natural_person >= 0),
      fine_min_organization numeric(15,2) check (fine_min_organization >= 0),
      amount_involved_min_natural_person numeric(15,2) check (amount_involved_min_natural_person >= 0),
      amount_involved_min_organization numeric(15,2) check (amount_involved_min_organization >= 0),
      hearing_held boolean not null default false,
      enforcement_level text,
      field text,
      social_impact text,
      legal_basis text not null,
      active boolean not null default true,
      updated_by text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create index catalog_rule_agency_idx on review.catalog_rule (agency_id)`);

    this.addSql(`create table review.review_settings (
      agency_id uuid primary key,
      region text not null,
      normal_days integer not null check (normal_days between 1 and 30),
      complex_days integer not null check (complex_days between 1 and 30),
      large_amount_natural_person numeric(15,2) not null check (large_amount_natural_person > 0),
      large_amount_organization numeric(15,2) not null check (large_amount_organization > 0),
      updated_by text not null,
      updated_at timestamptz not null default now())`);

    this.addSql(`create table review.legal_review (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      case_id uuid not null,
      case_number text not null,
      cause text not null,
      category text not null,
      party_type text not null,
      handler_ids uuid[] not null,
      amount_involved numeric(15,2),
      hearing_held boolean not null,
      submitted_by text not null,
      previous_review_id uuid references review.legal_review(id),
      complex boolean not null,
      received_on date not null,
      due_on date not null,
      status text not null check (status in ('SUBMITTED','IN_REVIEW','PASSED','RETURNED','FAILED','COORDINATION')),
      penalty_kinds text[] not null,
      fine_amount numeric(15,2),
      confiscation_amount numeric(15,2),
      legal_basis text not null,
      summary text not null,
      checklist jsonb not null,
      reviewer_id uuid,
      started_at timestamptz,
      reviewer_opinion text,
      reviewer_signed_on date,
      head_id text,
      head_opinion text,
      head_signed_on date,
      returned_on date,
      escalated_by uuid,
      escalation_reason text,
      escalated_at timestamptz,
      escalated_from text,
      coordination_decided_by text,
      coordination_decision text,
      coordination_meeting_on date,
      coordination_participants text,
      overdue_reported_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (due_on >= received_on))`);
    this.addSql(`create index legal_review_case_idx on review.legal_review (case_id, created_at)`);
    this.addSql(`create index legal_review_agency_status_idx on review.legal_review (agency_id, status)`);
    this.addSql(
      `create index legal_review_reviewer_idx on review.legal_review (reviewer_id) where reviewer_id is not null`,
    );
    // At most one review of a case is with the legal office or in coordination at a time.
    this.addSql(
      `create unique index legal_review_one_open_idx on review.legal_review (case_id) where status in ('SUBMITTED','IN_REVIEW','COORDINATION')`,
    );

    this.addSql(`create table review.unreviewed_decision (
      case_id uuid primary key,
      agency_id uuid not null,
      region text not null,
      case_number text not null,
      category text not null,
      decided_on date not null,
      reasons text[] not null,
      event_id uuid not null,
      seen_at timestamptz not null default now())`);
    this.addSql(`create index unreviewed_decision_agency_idx on review.unreviewed_decision (agency_id)`);

    for (const s of [...outboxSql('review'), ...inboxSql('review')]) this.addSql(s);
  }
}
