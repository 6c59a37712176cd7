import type { EntityManager } from '@mikro-orm/postgresql';
import type { EnforcementCategory } from '@tsp/shared';
import { AppError, byId, type Context, idempotent, optionalText, publishEvent, type Remember } from '@tsp/shared';

import { AttachmentEntity, CaseEntity, CaseFileRequirementEntity } from '../entities/index.js';
import { DEFAULT_CASE_FILE_REQUIREMENTS, missingDocuments } from '../rules/case-file.js';
import { CaseStage, RecordActivity } from '../rules/kinds.js';
import { assertCredentials, assertLocalEntryRules, assertStage } from './checks.js';
import { assertCitable } from './citations.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, occurredAtOf, officerIdsOf } from './drafts.js';
import { insertEntry } from './insert-entry.js';
import { assertUnchanged, caseForWrite, lockCase } from './lock.js';

export interface ArchiveCaseInputLike {
  caseId: string;
  officerIds: string[];
  summary?: string | null;
  attachments?: AttachmentInputLike[] | null;
  occurredAt?: Date | null;
}

export async function caseFileRequirements(
  em: EntityManager,
  agencyId: string,
  category: EnforcementCategory,
): Promise<readonly string[]> {
  const row = await em.findOne(CaseFileRequirementEntity, { agencyId, category });
  return row?.documents ?? DEFAULT_CASE_FILE_REQUIREMENTS[category];
}

/**
 * 归档 Archives a case at the end of its path. The case file must hold every document the agency's
 * case-file standard lists for the category (attachments with that documentType, on any entry or
 * on this one). Missing documents are STAGE_ORDER — the request is well-formed, the case is not yet
 * ready for its last stage — with `extensions.missingDocuments` listing them.
 */
export function archiveCase(ctx: Context, input: ArchiveCaseInputLike): Promise<CaseEntity> {
  return idempotent(ctx, 'records', 'archiveCase', { input }, byId(CaseEntity), (remember) =>
    archiveCaseOnce(ctx, input, remember),
  );
}

async function archiveCaseOnce(
  ctx: Context,
  input: ArchiveCaseInputLike,
  remember: Remember<CaseEntity>,
): Promise<CaseEntity> {
  const c = await caseForWrite(ctx, input.caseId);
  const draft: EntryDraft = {
    stage: CaseStage.ARCHIVED,
    activity: RecordActivity.ARCHIVE,
    occurredAt: occurredAtOf('occurredAt', input.occurredAt ?? new Date(), c.filedAt),
    officerIds: officerIdsOf('officerIds', input.officerIds),
    summary: optionalText('summary', input.summary, 4000) ?? '案件归档 / case file archived',
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: null,
    affectsLibertyOrProperty: false,
  };
  assertStage(c, CaseStage.ARCHIVED, RecordActivity.ARCHIVE);
  const [required, existing] = await Promise.all([
    caseFileRequirements(ctx.em, c.agencyId, c.category),
    ctx.em.find(AttachmentEntity, { caseId: c.id, documentType: { $ne: null } }, { fields: ['documentType'] }),
  ]);
  const missing = missingDocuments(required, [
    ...existing.map((a) => a.documentType),
    ...draft.attachments.map((a) => a.documentType),
  ]);
  if (missing.length)
    throw new AppError(
      'STAGE_ORDER',
      `case file incomplete: missing ${missing.join('、')} — attach them (documentType) before archiving / 案卷材料不全，不能归档`,
      {
        field: 'documents',
        missingDocuments: missing,
      },
    );
  await assertLocalEntryRules(ctx.em, c.agencyId, draft);
  await assertCredentials('officerIds', draft.officerIds, c, draft.occurredAt);

  return ctx.em.transactional(async (tx) => {
    const locked = await lockCase(tx, c.id);
    assertUnchanged(c, locked);
    await assertCitable(
      tx,
      locked.agencyId,
      [{ field: 'attachments', attachments: draft.attachments }],
      'LIVE',
      ctx.identity.sub!,
    );
    const entry = await insertEntry(tx, locked, draft, ctx.identity.sub!);
    await publishEvent(tx, 'records', {
      type: 'CaseArchived',
      agencyId: locked.agencyId,
      region: locked.region,
      subjectId: locked.id,
      payload: {
        caseId: locked.id,
        caseNumber: locked.caseNumber,
        category: locked.category,
        archivedAt: entry.occurredAt.toISOString(),
        entries: locked.entryCount,
      },
    });
    await remember(tx, locked);
    return locked;
  });
}
