import { Migration } from '@mikro-orm/migrations';
import { idempotencyRequestHashSql, idempotencySql } from '@tsp/shared';

/** Idempotency-Key answers of supervision's mutations, with the fingerprint of each key's arguments. */
export class SupervisionIdempotency extends Migration {
  async up(): Promise<void> {
    for (const sql of [...idempotencySql('supervision'), ...idempotencyRequestHashSql('supervision')]) this.addSql(sql);
  }
}
