import { Migration } from '@mikro-orm/migrations';
import { rateLimitSql } from '@tsp/shared';

/** Complaints and reports (投诉举报) with their steps, and the per-address counts of public submissions. */
export class SupervisionInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table supervision.complaint (
      id uuid primary key,
      receipt_hash text not null unique check (receipt_hash ~ '^[0-9a-f]{64}$'),
      kind text not null check (kind in ('COMPLAINT','REPORT')),
      agency_id uuid not null,
      region text not null,
      officer_id uuid,
      case_number text,
      subject text not null,
      content text not null,
      anonymous boolean not null default false,
      complainant_name text,
      complainant_phone text,
      complainant_id_number text,
      status text not null check (status in ('SUBMITTED','REJECTED','ACCEPTED','ASSIGNED','ANSWERED','CLOSED')),
      submitted_at timestamptz not null default now(),
      triaged_at timestamptz,
      accepted_on date,
      triage_note text,
      assigned_at timestamptz,
      due_on date,
      answered_at timestamptz,
      answer text,
      closed_at timestamptz,
      conclusion text,
      upheld boolean,
      reopen_count int not null default 0,
      first_reopened_at timestamptz,
      reopen_reason text,
      check (anonymous = (complainant_name is null and complainant_phone is null)),
      check (anonymous = false or kind = 'REPORT'),
      check ((status = 'ASSIGNED') <= (due_on is not null)))`);
    // The bureau lists its region's complaints newest first; findings read one agency's open ones.
    this.addSql(`create index complaint_region on supervision.complaint (region, submitted_at desc, id desc)`);
    this.addSql(`create index complaint_agency on supervision.complaint (agency_id, submitted_at desc, id desc)`);
    this.addSql(`create table supervision.complaint_step (
      id uuid primary key,
      complaint_id uuid not null references supervision.complaint(id) deferrable initially deferred,
      action text not null check (action in ('ACCEPT','REJECT','ASSIGN','ANSWER','CLOSE','REOPEN')),
      actor text not null,
      at timestamptz not null default now(),
      text text,
      due_on date)`);
    this.addSql(`create index complaint_step_complaint on supervision.complaint_step (complaint_id, at)`);
    for (const s of rateLimitSql('supervision', 'complaint_rate')) this.addSql(s);
  }
}
