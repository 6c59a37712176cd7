import { Migration } from '@mikro-orm/migrations';

export class PersonnelOfficerTransfer extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table personnel.officer_transfer (
      id uuid primary key,
      officer_id uuid not null references personnel.officer(id) deferrable initially deferred,
      from_agency_id uuid not null references personnel.agency(id) deferrable initially deferred,
      to_agency_id uuid not null references personnel.agency(id) deferrable initially deferred,
      effective_on date not null,
      reason text not null,
      actor text not null,
      at timestamptz not null default now(),
      check (from_agency_id <> to_agency_id))`);
    this.addSql(
      `create index officer_transfer_officer_idx on personnel.officer_transfer (officer_id, effective_on, at)`,
    );
  }
}
