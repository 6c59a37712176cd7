import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, byId, type Context, idempotent, type Remember, requireId, requireText } from '@tsp/shared';

import { type CaseEntity, type RecordEntryEntity as Entry, RecordEntryEntity } from '../entities/index.js';
import type { CaseStage, RecordActivity } from '../rules/kinds.js';
import { RESERVED_ACTIVITIES } from '../rules/stages.js';
import { assertCredentials, assertLocalEntryRules, assertStage } from './checks.js';
import { assertCitable } from './citations.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, occurredAtOf, officerIdsOf } from './drafts.js';
import { insertEntry } from './insert-entry.js';
import { assertUnchanged, caseForWrite, lockCase } from './lock.js';

export interface AppendRecordInputLike {
  caseId: string;
  stage: CaseStage;
  activity: RecordActivity;
  occurredAt: Date;
  officerIds: string[];
  summary: string;
  attachments?: AttachmentInputLike[] | null;
  correctsId?: string | null;
  affectsLibertyOrProperty?: boolean | null;
}

/**
 * 记录执法活动 Appends one entry. Rules in order: stage (STAGE_ORDER), two officers on site
 * (TWO_OFFICERS_REQUIRED), audio-visual list (AUDIO_VISUAL_REQUIRED), credentials asked of
 * personnel (CREDENTIAL_INVALID / DEPENDENCY_UNAVAILABLE); then one transaction.
 */
export function appendRecord(ctx: Context, input: AppendRecordInputLike): Promise<Entry> {
  return idempotent(ctx, 'records', 'appendRecord', { input }, byId(RecordEntryEntity), (remember) =>
    appendRecordOnce(ctx, input, remember),
  );
}

async function appendRecordOnce(ctx: Context, input: AppendRecordInputLike, remember: Remember<Entry>): Promise<Entry> {
  const c = await caseForWrite(ctx, input.caseId);
  const reserved = RESERVED_ACTIVITIES[input.activity];
  if (reserved) throw badInput('activity', `${input.activity} is recorded by ${reserved}, not appendRecord`);
  const draft: EntryDraft = {
    stage: input.stage,
    activity: input.activity,
    occurredAt: occurredAtOf('occurredAt', input.occurredAt, c.filedAt),
    officerIds: officerIdsOf('officerIds', input.officerIds),
    summary: requireText('summary', input.summary, 4000),
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: input.correctsId ? requireId('entry', input.correctsId) : null,
    affectsLibertyOrProperty: input.affectsLibertyOrProperty ?? false,
  };
  if (draft.correctsId) {
    const target = await ctx.em.findOne(RecordEntryEntity, { id: draft.correctsId });
    if (!target || target.caseId !== c.id)
      throw badInput('correctsId', 'must name an earlier entry of the same case / 须为本案已有记录');
  }
  assertStage(c, draft.stage, draft.activity);
  await assertLocalEntryRules(ctx.em, c.agencyId, draft);
  await assertCredentials('officerIds', draft.officerIds, c, draft.occurredAt);

  return commitEntry(ctx, c, draft, async (tx, e) => {
    await remember(tx, e);
    return e;
  });
}

/**
 * The transaction every live entry is written in: the case re-read under its row lock and unchanged since the
 * pre-checks, the attachments citable, the entry inserted; then `after` writes what belongs with the entry (a
 * notice's terms, a hearing's chair, the idempotency answer) with the locked case in hand.
 */
export function commitEntry<T>(
  ctx: Context,
  c: CaseEntity,
  draft: EntryDraft,
  after: (tx: EntityManager, entry: Entry, locked: CaseEntity) => Promise<T>,
): Promise<T> {
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
    const e = await insertEntry(tx, locked, draft, ctx.identity.sub!);
    return after(tx, e, locked);
  });
}
