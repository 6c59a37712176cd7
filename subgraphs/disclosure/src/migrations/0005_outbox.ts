import { Migration } from '@mikro-orm/migrations';
import { outboxSql, outboxTraceparentSql } from '@tsp/shared';

/** The outbox of publication and annual-report events (PublicationPublished …, AnnualReportPublished). */
export class DisclosureOutbox extends Migration {
  async up(): Promise<void> {
    for (const s of [...outboxSql('disclosure'), ...outboxTraceparentSql('disclosure')]) this.addSql(s);
  }
}
