import { Migration } from '@mikro-orm/migrations';

export class ReviewInit extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table review.catalog_rule (
      id uuid primary key,
      agency_id uuid not null,
      region text not null,
      category text not null,
      description text not null,
      legal_basis text not null,
      updated_at timestamptz not null default now())`);
    this.addSql(`create index catalog_rule_agency_idx on review.catalog_rule (agency_id)`);
  }
}
