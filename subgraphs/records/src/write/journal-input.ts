import type { AttachmentEntity, RecordEntryEntity } from '../entities/index.js';
import type { JournalEntryInput } from '../journal/canonical.js';

/**
 * 日志叶子内容 What the journal commits to for an entry, built from the stored row and its
 * attachments (by position). Once entries are journaled this must keep producing the same bytes
 * for them: add fields only with a new leaf version.
 */
export function journalInput(e: RecordEntryEntity, attachments: readonly AttachmentEntity[]): JournalEntryInput {
  return {
    id: e.id,
    caseId: e.caseId,
    agencyId: e.agencyId,
    sequence: e.sequence,
    stage: e.stage,
    activity: e.activity,
    occurredAt: e.occurredAt,
    recordedAt: e.recordedAt,
    officerIds: [...e.officerIds],
    summary: e.summary,
    correctsId: e.correctsId,
    affectsLibertyOrProperty: e.affectsLibertyOrProperty,
    recordedBy: e.recordedBy,
    legacy: e.legacy,
    credentialProblem: e.credentialProblem,
    attachments: [...attachments]
      .sort((a, b) => a.position - b.position)
      .map((a) => ({
        sha256: a.sha256,
        kind: a.kind,
        size: Number(a.size),
        mediaType: a.mediaType,
        name: a.name,
        fullProcess: a.fullProcess,
        documentType: a.documentType,
      })),
  };
}
