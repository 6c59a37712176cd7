import { Migration } from '@mikro-orm/migrations';
import { outboxSql, outboxTraceparentSql } from '@tsp/shared';

/** The outbox of complaint events (ComplaintSubmitted … ComplaintReopened). */
export class SupervisionOutbox extends Migration {
  async up(): Promise<void> {
    for (const s of [...outboxSql('supervision'), ...outboxTraceparentSql('supervision')]) this.addSql(s);
  }
}
