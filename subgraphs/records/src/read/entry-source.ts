import { type Context, requireUser } from '@tsp/shared';

import { canonicalEntryBytes, registerJournalEntrySource } from '../journal/index.js';
import { journalInput } from '../write/journal-input.js';
import { readableCase } from './access.js';
import { load } from './loaders.js';

/**
 * Lets the journal return an entry's content (its canonical bytes) with an inclusion proof, to
 * callers who may read the entry's case; FORBIDDEN otherwise.
 */
export function registerEntrySource(): void {
  registerJournalEntrySource({
    async entryBytes(ctx: Context, entryIds: string[]) {
      requireUser(ctx.identity);
      const entries = await load.entry(ctx).loadMany(entryIds);
      const found = entries.map((e) => (e instanceof Error ? null : e));
      await Promise.all(found.map((e) => (e ? readableCase(ctx, e.caseId) : null)));
      const atts = await load.attachmentsOfEntry(ctx).loadMany(found.map((e) => e?.id ?? ''));
      return found.map((e, i) =>
        e ? canonicalEntryBytes(journalInput(e, atts[i] instanceof Error ? [] : (atts[i] as never))) : null,
      );
    },
    tables: ['records.record_entry', 'records.attachment'],
    // An entry, its attachments and its queued leaf are inserted by one transaction (insertEntry); the leaf keeps
    // that transaction's id (entry_xmin; xmin for leaves appended in it), so they match; an UPDATE writes a new row
    // version with a newer one. Rows imported otherwise are merely re-hashed.
    // A leaf rewritten in the tampering transaction too shares its xmin again: the journal_leaf update
    // counter catches that (the change check then re-hashes every entry), not this query.
    // `union all` with a limit streams: the first `limit` rows end the scan (an entry may come twice).
    async suspects(em, limit) {
      const rows = await em.execute<{ id: string }[]>(
        `select l.entry_id as id from records.journal_leaf l left join records.record_entry e on e.id = l.entry_id
          where e.id is null or e.xmin <> coalesce(l.entry_xmin, l.xmin)
         union all
         select a.entry_id from records.attachment a join records.journal_leaf l on l.entry_id = a.entry_id
          where a.xmin <> coalesce(l.entry_xmin, l.xmin)
         limit ?`,
        [limit],
      );
      return rows.map((r) => r.id);
    },
    async unjournaled(em, limit) {
      const rows = await em.execute<{ id: string; case_id: string }[]>(
        `select e.id, e.case_id from records.record_entry e
          where not exists (select 1 from records.journal_leaf l where l.entry_id = e.id)
            and not exists (select 1 from records.journal_queue q where q.entry_id = e.id)
          limit ?`,
        [limit],
      );
      return rows.map((r) => ({ entryId: r.id, caseId: r.case_id }));
    },
  });
}
