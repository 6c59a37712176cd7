import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '@tsp/shared';

import { citeHoldings, recordImports } from '../blobs/uploads.js';
import { type BlobHolding, type CitationMode, citationVerdict, normalizeMediaType } from '../rules/attachments.js';
import type { AttachmentDraft } from './drafts.js';

/** The attachments of one input field (`attachments`, `entries[2].attachments`, `decision.attachments`). */
export interface CitedField {
  field: string;
  attachments: readonly AttachmentDraft[];
}

/**
 * Every attachment a write cites must be held by the case's agency, with the size and media type
 * stored (rules/attachments.ts); else BAD_USER_INPUT naming the field, and the transaction writes
 * nothing. One statement for all cited hashes, whatever their number (plus one for an import's new
 * holdings). Runs inside the write's transaction, before its rows: the holdings it marks cited can
 * no longer expire under it.
 */
export async function assertCitable(
  tx: EntityManager,
  agencyId: string,
  fields: readonly CitedField[],
  mode: CitationMode,
  actor: string,
): Promise<void> {
  const citations = fields.flatMap((f) => f.attachments.map((a, i) => ({ ...a, field: `${f.field}[${i}]` })));
  const holdings = await citeHoldings(tx, agencyId, [...new Set(citations.map((c) => c.sha256))]);
  const imported: { sha256: string; size: number; mediaType: string }[] = [];
  for (const c of citations) {
    const held: BlobHolding[] = holdings.get(c.sha256) ?? [];
    const verdict = citationVerdict(c, held, agencyId, mode);
    if (!verdict.ok) throw new AppError('BAD_USER_INPUT', `${verdict.field}: ${verdict.why}`, { field: verdict.field });
    if (verdict.recordImport) {
      const mediaType = normalizeMediaType(c.mediaType);
      imported.push({ sha256: c.sha256, size: c.size, mediaType });
      // A later citation of the same hash in this import must then agree with the first.
      holdings.set(c.sha256, [{ agencyId, size: c.size, mediaType, origin: 'IMPORT' }]);
    }
  }
  await recordImports(tx, agencyId, actor, imported);
}
