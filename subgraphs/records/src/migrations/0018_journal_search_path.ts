import { Migration } from '@mikro-orm/migrations';

/**
 * The journal's functions resolve names only in pg_catalog (then pg_temp, last). `journal_integrate` runs with its
 * owner's rights (0017) and calls `journal_append_hashed`; PL/pgSQL compiles a function once per session with the
 * search_path of its first call, so a writer that first called it itself, with a `pg_temp.bytea` domain of its own
 * in front, had its own check code run as the owner on the next integration (found by a review, reproduced).
 * Pinned for the append functions too, which writers call with their own rights.
 */
export class RecordsJournalSearchPath extends Migration {
  async up(): Promise<void> {
    for (const f of [
      'journal_append_hashed(uuid[], uuid[], bytea[], xid[])',
      'journal_append_batch(uuid[], uuid[], bytea[])',
      'journal_append(uuid, uuid, bytea)',
    ])
      this.addSql(`alter function records.${f} set search_path = pg_catalog, pg_temp`);
  }
}
