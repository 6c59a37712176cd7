import { Migration } from '@mikro-orm/migrations';

export class PersonnelInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table personnel.agency (
      id uuid primary key,
      code text not null unique,
      name text not null,
      kind text not null,
      region text not null,
      is_supervisor boolean not null default false,
      legal_office_name text not null,
      created_at timestamptz not null default now())`);
    this.addSql(`create index agency_region_idx on personnel.agency (region)`);
    this.addSql(`create table personnel.officer (
      id uuid primary key,
      agency_id uuid not null references personnel.agency(id) deferrable initially deferred,
      name text not null,
      position text not null,
      roles text[] not null,
      legal_profession_qualified boolean not null default false,
      id_number text,
      phone text,
      created_at timestamptz not null default now())`);
    this.addSql(`create index officer_agency_idx on personnel.officer (agency_id)`);
    this.addSql(`create table personnel.credential (
      id uuid primary key,
      number text not null unique,
      officer_id uuid not null references personnel.officer(id) deferrable initially deferred,
      agency_id uuid not null references personnel.agency(id) deferrable initially deferred,
      categories text[] not null,
      fields text[] not null default '{}',
      region text not null,
      issued_on date not null,
      expires_on date not null,
      status text not null check (status in ('VALID','SUSPENDED','REVOKED')),
      issuing_authority text not null,
      check (expires_on > issued_on))`);
    this.addSql(`create index credential_officer_idx on personnel.credential (officer_id)`);
    this.addSql(`create index credential_agency_idx on personnel.credential (agency_id, expires_on)`);
    this.addSql(`create table personnel.credential_status_change (
      id uuid primary key,
      credential_id uuid not null references personnel.credential(id) deferrable initially deferred,
      from_status text,
      to_status text not null,
      reason text not null,
      actor text not null,
      at timestamptz not null default now())`);
    this.addSql(
      `create index credential_status_change_cred_idx on personnel.credential_status_change (credential_id, at)`,
    );
    this.addSql(`create table personnel.training_record (
      id uuid primary key,
      officer_id uuid not null references personnel.officer(id) deferrable initially deferred,
      day date not null,
      hours numeric(5,1) not null check (hours > 0),
      topic text not null,
      recorded_by text not null)`);
    this.addSql(`create index training_officer_day_idx on personnel.training_record (officer_id, day)`);
  }
}
