import { requireUser, type Context } from '@tsp/shared';
import { canonicalEntryBytes, registerJournalEntrySource } from '../journal/index.js';
import { journalInput } from '../write/journal-input.js';
import { load } from './loaders.js';
import { readableCase } from './access.js';

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
      return found.map((e, i) => (e ? canonicalEntryBytes(journalInput(e, atts[i] instanceof Error ? [] : (atts[i] as never))) : null));
    },
  });
}
