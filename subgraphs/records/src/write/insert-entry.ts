import type { EntityManager } from '@mikro-orm/postgresql';
import { publishEvent } from '@tsp/shared';

import { AttachmentEntity, type CaseEntity, RecordEntryEntity } from '../entities/index.js';
import { canonicalEntryBytes } from '../journal/canonical.js';
import { hashLeaf } from '../journal/merkle.js';
import { queueLeaf } from '../journal/store.js';
import { RecordActivity } from '../rules/kinds.js';
import { decisionServedAt } from '../rules/service.js';
import type { EntryDraft } from './drafts.js';
import { journalInput } from './journal-input.js';
import { noteAcceptance } from './licensing.js';

/**
 * Writes one entry of a locked case inside the caller's transaction: next sequence, attachments, the journal leaf
 * (queued: in the tree before the caller answers; its hash is the entry's `hash`), the case's new stage (and when its
 * decision was first served, or a licensing application accepted), and RecordAppended.
 */
export async function insertEntry(
  tx: EntityManager,
  c: CaseEntity,
  d: EntryDraft,
  actor: string,
): Promise<RecordEntryEntity> {
  c.entryCount += 1;
  c.stage = d.stage;
  c.servedAt = decisionServedAt(c, d.activity, d.occurredAt);
  if (d.activity === RecordActivity.ACCEPTANCE) await noteAcceptance(tx, c, d.occurredAt);
  const e = tx.create(RecordEntryEntity, {
    caseId: c.id,
    agencyId: c.agencyId,
    sequence: c.entryCount,
    stage: d.stage,
    activity: d.activity,
    occurredAt: d.occurredAt,
    recordedAt: new Date(),
    officerIds: d.officerIds,
    summary: d.summary,
    affectsLibertyOrProperty: d.affectsLibertyOrProperty,
    correctsId: d.correctsId,
    hash: '',
    recordedBy: actor,
    legacy: d.legacy ?? false,
    credentialProblem: d.credentialProblem ?? null,
  });
  const attachments = d.attachments.map((a, position) =>
    tx.create(AttachmentEntity, { entryId: e.id, caseId: c.id, position, ...a, size: String(a.size) }),
  );
  const data = canonicalEntryBytes(journalInput(e, attachments));
  e.hash = hashLeaf(data).toString('hex');
  // Parents first: the case row (stage, count), then the entry, then its attachments.
  await tx.flush();
  await queueLeaf(tx, { entryId: e.id, caseId: c.id, data });
  await publishEvent(tx, 'records', {
    type: 'RecordAppended',
    agencyId: c.agencyId,
    region: c.region,
    subjectId: c.id,
    payload: {
      caseId: c.id,
      caseNumber: c.caseNumber,
      entryId: e.id,
      sequence: e.sequence,
      stage: e.stage,
      activity: e.activity,
      occurredAt: e.occurredAt.toISOString(),
      hash: e.hash,
      legacy: e.legacy,
    },
  });
  return e;
}
