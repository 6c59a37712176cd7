import { Migration } from '@mikro-orm/migrations';
import { outboxSql, outboxTraceparentSql } from '@tsp/shared';

/** The outbox of complaint, instrument and notice events (ComplaintSubmitted …, SupervisionInstrumentIssued …). */
export class SupervisionOutbox extends Migration {
  async up(): Promise<void> {
    for (const s of [...outboxSql('supervision'), ...outboxTraceparentSql('supervision')]) this.addSql(s);
  }
}
