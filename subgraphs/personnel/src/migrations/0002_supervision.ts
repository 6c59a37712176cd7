import { Migration } from '@mikro-orm/migrations';

export class PersonnelSupervision extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table personnel.rectification_notice (
      id uuid primary key,
      agency_id uuid not null references personnel.agency(id) deferrable initially deferred,
      region text not null,
      finding_kind text not null,
      subject_id text not null,
      notice text not null,
      due_on date not null,
      issued_by text not null,
      issued_at timestamptz not null default now(),
      response text,
      responded_by text,
      responded_at timestamptz)`);
    this.addSql(
      `create index rectification_notice_agency_idx on personnel.rectification_notice (agency_id, issued_at)`,
    );
    this.addSql(`create index rectification_notice_region_idx on personnel.rectification_notice (region, issued_at)`);
  }
}
