import { Migration } from '@mikro-orm/migrations';
import { idempotencySql } from '@tsp/shared';

/** Idempotency-Key answers of disclosure's mutations: a repeated request returns the first one's answer. */
export class DisclosureIdempotency extends Migration {
  async up(): Promise<void> {
    for (const sql of idempotencySql('disclosure')) this.addSql(sql);
  }
}
