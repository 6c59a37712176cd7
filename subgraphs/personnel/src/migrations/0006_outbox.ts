import { Migration } from '@mikro-orm/migrations';
import { outboxSql, outboxTraceparentSql } from '@tsp/shared';

/** The outbox of credential events (CredentialIssued, CredentialStatusChanged): personnel becomes a source. */
export class PersonnelOutbox extends Migration {
  async up(): Promise<void> {
    for (const s of [...outboxSql('personnel'), ...outboxTraceparentSql('personnel')]) this.addSql(s);
  }
}
