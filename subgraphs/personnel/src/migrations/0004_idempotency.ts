import { Migration } from '@mikro-orm/migrations';
import { idempotencySql } from '@tsp/shared';

/** Idempotency-Key answers of personnel's mutations: a repeated request returns the first one's answer. */
export class PersonnelIdempotency extends Migration {
  async up(): Promise<void> {
    for (const sql of idempotencySql('personnel')) this.addSql(sql);
  }
}
