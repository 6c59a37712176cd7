import { Migration } from '@mikro-orm/migrations';
import { idempotencyRequestHashSql } from '@tsp/shared';

/**
 * A fingerprint of each Idempotency-Key's arguments, so the key reused with other arguments is
 * refused instead of silently answering the first request. Nullable: keys kept before it replay as before.
 */
export class ReviewIdempotencyRequestHash extends Migration {
  async up(): Promise<void> {
    for (const sql of idempotencyRequestHashSql('review')) this.addSql(sql);
  }
}
