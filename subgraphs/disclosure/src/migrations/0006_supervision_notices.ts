import { Migration } from '@mikro-orm/migrations';

/**
 * 通报公示 The public copy of the justice bureau's notices: title, body and withdrawal reason as published (masked),
 * keyed by supervision's notice id so the one event per agency named inserts it once.
 */
export class DisclosureSupervisionNotices extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table disclosure.supervision_notice (
      id uuid primary key,
      region text not null,
      kind text not null check (kind in ('COMMENDATION', 'CRITICISM')),
      title text not null,
      body text not null,
      agency_ids uuid[] not null,
      published_at timestamptz not null,
      withdrawn_at timestamptz,
      withdrawal_reason text,
      copied_at timestamptz not null default now())`);
    this.addSql(`create index supervision_notice_region_idx
      on disclosure.supervision_notice (region, published_at desc, id desc)`);
  }
}
