import { Migration } from '@mikro-orm/migrations';

/** 监督意见书、监督决定书 with their steps, 约谈 records and 通报 public notices. */
export class SupervisionInstruments extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table supervision.supervision_instrument (
      id uuid primary key,
      kind text not null check (kind in ('OPINION','DECISION')),
      agency_id uuid not null,
      region text not null,
      subject text not null,
      findings text not null,
      requirements text not null,
      legal_basis text not null,
      case_ids uuid[] not null default '{}',
      finding_refs jsonb not null default '[]' check (jsonb_typeof(finding_refs) = 'array'),
      response_working_days int not null check (response_working_days between 5 and 30),
      status text not null check (status in ('ISSUED','RESPONDED','CLOSED')),
      issued_by text not null,
      issued_at timestamptz not null default now(),
      due_on date not null,
      response text,
      measures text,
      responded_by text,
      responded_at timestamptz,
      return_count int not null default 0,
      return_note text,
      closed_at timestamptz,
      closed_by text,
      close_note text,
      check ((status = 'CLOSED') = (closed_at is not null)),
      check (status = 'ISSUED' or response is not null))`);
    this.addSql(
      `create index supervision_instrument_region on supervision.supervision_instrument (region, issued_at desc, id)`,
    );
    this.addSql(
      `create index supervision_instrument_agency
         on supervision.supervision_instrument (agency_id, issued_at desc, id)`,
    );
    this.addSql(`create table supervision.supervision_instrument_step (
      id uuid primary key,
      instrument_id uuid not null references supervision.supervision_instrument(id) deferrable initially deferred,
      action text not null check (action in ('ISSUE','RESPOND','ACCEPT','RETURN')),
      actor text not null,
      at timestamptz not null default now(),
      text text,
      measures text,
      due_on date)`);
    this.addSql(
      `create index supervision_instrument_step_instrument
         on supervision.supervision_instrument_step (instrument_id, at)`,
    );
    this.addSql(`create table supervision.supervision_interview (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      held_at timestamptz not null,
      interviewees text not null,
      reasons text not null,
      record text not null,
      follow_up text not null,
      attachments text[] not null default '{}',
      recorded_by text not null,
      recorded_at timestamptz not null default now())`);
    this.addSql(
      `create index supervision_interview_agency on supervision.supervision_interview (agency_id, held_at desc, id)`,
    );
    this.addSql(`create table supervision.supervision_notice (
      id uuid primary key,
      region text not null,
      kind text not null check (kind in ('COMMENDATION','CRITICISM')),
      title text not null,
      body text not null,
      agency_ids uuid[] not null check (cardinality(agency_ids) between 1 and 50),
      published_by text not null,
      published_at timestamptz not null default now(),
      withdrawn_at timestamptz,
      withdrawn_by text,
      withdrawal_reason text,
      check ((withdrawn_at is null) = (withdrawal_reason is null)))`);
    this.addSql(
      `create index supervision_notice_region on supervision.supervision_notice (region, published_at desc, id)`,
    );
  }
}
