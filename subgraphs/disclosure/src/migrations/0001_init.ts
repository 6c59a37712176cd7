import { Migration } from '@mikro-orm/migrations';

export class DisclosureInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table disclosure.enforcement_item (
      id uuid primary key,
      agency_id uuid not null,
      name text not null,
      category text not null,
      legal_basis text not null,
      responsible_body text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create index enforcement_item_agency_idx on disclosure.enforcement_item (agency_id)`);
  }
}
