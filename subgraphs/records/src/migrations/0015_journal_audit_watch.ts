import { Migration } from '@mikro-orm/migrations';

/**
 * The audit's change watch (journal/change-watch.ts) kept with each run: the table marks it saw and where its
 * all-entries pass stands. The next run continues from them whichever instance runs it, and a restarted instance no
 * longer re-hashes every entry (at 6 M entries about 26 minutes of one core) when nothing moved while it was down.
 */
export class RecordsJournalAuditWatch extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table records.journal_audit add column watch jsonb
      check (watch is null or jsonb_typeof(watch) = 'object')`);
  }
}
