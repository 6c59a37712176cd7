import { Migration } from '@mikro-orm/migrations';

export class RecordsInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.enforcement_case (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      case_number text not null,
      category text not null,
      cause text not null,
      stage text not null default 'FILING',
      filed_at timestamptz not null default now(),
      unique (agency_id, case_number))`);
    this.addSql(`create index enforcement_case_agency_idx on records.enforcement_case (agency_id)`);
  }
}
