import { Migration } from '@mikro-orm/migrations';
import { idempotencySql } from '@tsp/shared';

/** Idempotency-Key answers of review's mutations: a repeated request returns the first one's answer. */
export class ReviewIdempotency extends Migration {
  async up(): Promise<void> {
    for (const sql of idempotencySql('review')) this.addSql(sql);
  }
}
