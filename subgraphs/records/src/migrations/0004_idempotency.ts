import { Migration } from '@mikro-orm/migrations';

/** Idempotency-Key results of records' writes: a repeated request returns the first one's result. */
export class RecordsIdempotency extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.idempotency (
      actor text not null,
      key text not null,
      operation text not null,
      result_id uuid not null,
      created_at timestamptz not null default now(),
      primary key (actor, key))`);
    this.addSql(`grant select, insert on records.idempotency to records_writer`);
  }
}
