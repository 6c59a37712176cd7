import type { Context } from '@tsp/shared';

/**
 * How the journal reads record entries it does not own: the records lifecycle registers this at
 * start-up. `entryBytes` returns each entry's canonical bytes (`canonicalEntryBytes` of the stored
 * row), in the order asked, null for an unknown entry, and must refuse (throw FORBIDDEN) an entry the
 * caller may not read — its bytes are the entry's content.
 */
export interface JournalEntrySource {
  entryBytes(ctx: Context, entryIds: string[]): Promise<(Buffer | null)[]>;
}

let source: JournalEntrySource | null = null;

export function registerJournalEntrySource(s: JournalEntrySource | null): void {
  source = s;
}

export function journalEntrySource(): JournalEntrySource | null {
  return source;
}
