import type { EntityManager } from '@mikro-orm/postgresql';
import type { Context } from '@tsp/shared';

/**
 * How the journal reads record entries it does not own: the records lifecycle registers this at
 * start-up. `entryBytes` returns each entry's canonical bytes (`canonicalEntryBytes` of the stored
 * row), in the order asked, null for an unknown entry, and must refuse (throw FORBIDDEN) an entry the
 * caller may not read — its bytes are the entry's content.
 */
export interface JournalEntrySource {
  entryBytes(ctx: Context, entryIds: string[]): Promise<(Buffer | null)[]>;
  /**
   * The tables (`schema.table`) whose rows make up an entry. The frequent audit reads their update and
   * delete counters (pg_stat_user_tables) and looks for suspects only when they moved (see change-watch.ts).
   */
  tables?: string[];
  /**
   * Cheap SQL pre-filter for the frequent audit: ids of entries whose rows may have changed since their
   * leaf was written (e.g. a row version newer than the leaf's), and of leaves whose entry is gone; at most
   * `limit` ids, an entry possibly twice (the audit re-hashes every entry window by window when there are more). The audit
   * re-hashes exactly these; the verdict is always the re-hash, never this list.
   */
  suspects?(em: EntityManager, limit: number): Promise<string[]>;
  /**
   * Entries with neither a leaf nor a queued one, at most `limit` (an anti-join over every entry): run once per full
   * sweep pass, when its last window is checked, since leaves lead to their entries but nothing else leads the other
   * way.
   */
  unjournaled?(em: EntityManager, limit: number): Promise<{ entryId: string; caseId: string }[]>;
}

let source: JournalEntrySource | null = null;

export function registerJournalEntrySource(s: JournalEntrySource | null): void {
  source = s;
}

export function journalEntrySource(): JournalEntrySource | null {
  return source;
}
