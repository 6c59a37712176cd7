import { Migration } from '@mikro-orm/migrations';
import { idempotencyRequestHashSql, idempotencySql } from '@tsp/shared';

/** Idempotency-Key answers of inspection's mutations, with the fingerprint of each key's arguments. */
export class InspectionIdempotency extends Migration {
  async up(): Promise<void> {
    for (const sql of [...idempotencySql('inspection'), ...idempotencyRequestHashSql('inspection')]) this.addSql(sql);
  }
}
