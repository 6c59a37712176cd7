import { type Context, flushWal } from '@tsp/shared';

import { canonicalEntryBytes, type CaseEntries, type CaseJournalReport, verifyCaseJournals } from '../journal/index.js';
import { journalInput } from '../write/journal-input.js';
import { readableCase } from './access.js';
import { load } from './loaders.js';

/** Each case's stored entries as canonical bytes, for the journal to re-hash. Constant statements for any number of cases. */
export async function caseEntries(ctx: Context, caseIds: readonly string[]): Promise<CaseEntries[]> {
  const entries = await load.entriesOfCase(ctx).loadMany(caseIds);
  const flat = entries.flatMap((l) => (l instanceof Error ? [] : l));
  const atts = await load.attachmentsOfEntry(ctx).loadMany(flat.map((e) => e.id));
  const bytes = new Map(
    flat.map((e, i) => [
      e.id,
      canonicalEntryBytes(journalInput(e, atts[i] instanceof Error ? [] : (atts[i] as never))),
    ]),
  );
  return caseIds.map((caseId, i) => {
    const list = entries[i];
    return {
      caseId,
      entries: (list instanceof Error ? [] : list).map((e) => ({ entryId: e.id, bytes: bytes.get(e.id)! })),
    };
  });
}

/** Journal reports for every case asked in this request, verified together; the head they name is on disk. */
export const journalReport = (ctx: Context) =>
  ctx.loaders.get<string, CaseJournalReport>('journalReport', async (ids) => {
    const reports = await verifyCaseJournals(ctx.em, await caseEntries(ctx, ids));
    await flushWal(ctx.em);
    return reports;
  });

/** 校验案件记录 A readable case's entries re-hashed against the journal and its newest signed checkpoint. */
export async function verifyReadableCaseJournal(ctx: Context, caseId: string): Promise<CaseJournalReport> {
  const c = await readableCase(ctx, caseId);
  return journalReport(ctx).load(c.id);
}
