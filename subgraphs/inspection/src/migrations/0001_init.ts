import { Migration } from '@mikro-orm/migrations';

/** Foreign keys are checked at commit: the ORM may insert a revision before its item within one flush. */
export class InspectionInit extends Migration {
  async up(): Promise<void> {
    // 企业: one row per unified social credit code (GB 32100-2015), shared by every agency that inspects it.
    this.addSql(`create table inspection.enterprise (
      id uuid primary key,
      credit_code text not null unique check (credit_code ~ '^[0-9A-HJ-NP-RTUW-Y]{18}$'),
      name text not null,
      region text not null,
      registered_by text not null,
      registered_by_agency_id uuid,
      registered_at timestamptz not null default now())`);
    // 检查事项清单: the current version of each item; every version in the revision table.
    this.addSql(`create table inspection.inspection_item (
      id uuid primary key,
      agency_id uuid not null,
      name text not null,
      legal_basis text not null,
      enforcement_item text not null,
      content text,
      version int not null,
      active boolean not null default true,
      updated_at timestamptz not null default now())`);
    this.addSql(`create index inspection_item_agency on inspection.inspection_item (agency_id) where active`);
    this.addSql(`create table inspection.inspection_item_revision (
      id uuid primary key,
      item_id uuid not null references inspection.inspection_item(id) deferrable initially deferred,
      version int not null,
      action text not null check (action in ('ADDED','CHANGED','RETIRED')),
      name text not null,
      legal_basis text not null,
      enforcement_item text not null,
      content text,
      note text not null default '',
      changed_by text not null,
      changed_at timestamptz not null default now(),
      unique (item_id, version))`);
  }
}
