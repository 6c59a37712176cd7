import { badInput, byId, conflict, type Context, idempotent, type Remember, requireId, requireText } from '@tsp/shared';

import { HearingEntity } from '../entities/index.js';
import { readProcedure } from '../read/procedure.js';
import { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';
import { commitEntry } from './append-record.js';
import { assertCredentials, assertLocalEntryRules, assertStage } from './checks.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, occurredAtOf, officerIdsOf } from './drafts.js';
import { caseForWrite } from './lock.js';

export interface RecordHearingInputLike {
  caseId: string;
  chairOfficerId: string;
  officerIds: string[];
  heldAt: Date;
  summary: string;
  attachments: AttachmentInputLike[];
}

/**
 * 听证 Records a hearing held (行政处罚法 §64): after a prior notice, chaired by an officer who did not
 * investigate the case (§64(四)), with its written record (听证笔录, a TEXT_DOCUMENT attachment, §64(八)).
 * Whether the party was told 7 working days before is judged at the decision, from the HEARING_NOTICE entry.
 */
export function recordHearing(ctx: Context, input: RecordHearingInputLike): Promise<HearingEntity> {
  return idempotent(ctx, 'records', 'recordHearing', { input }, byId(HearingEntity), (remember) =>
    recordOnce(ctx, input, remember),
  );
}

async function recordOnce(
  ctx: Context,
  input: RecordHearingInputLike,
  remember: Remember<HearingEntity>,
): Promise<HearingEntity> {
  const c = await caseForWrite(ctx, input.caseId);
  if (c.decided) throw conflict('the case already has a decision / 已作出决定');
  const chairOfficerId = requireId('officer', input.chairOfficerId);
  const draft: EntryDraft = {
    stage: CaseStage.EXAMINATION,
    activity: RecordActivity.HEARING,
    occurredAt: occurredAtOf('heldAt', input.heldAt, c.filedAt),
    officerIds: [...new Set([chairOfficerId, ...officerIdsOf('officerIds', input.officerIds)])],
    summary: requireText('summary', input.summary, 4000),
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: null,
    affectsLibertyOrProperty: false,
  };
  if (!draft.attachments.some((a) => a.kind === AttachmentKind.TEXT_DOCUMENT))
    throw badInput('attachments', 'attach the hearing record as a TEXT_DOCUMENT (§64(八)) / 听证应当制作笔录');
  const [record] = await readProcedure(ctx.em, [c.id]);
  if (!record?.notice) throw badInput('caseId', 'serve the prior notice first (§44) / 须先送达事先告知书');
  // A hearing answers the notice in force: one dated before it heard the party on terms it had not yet been told.
  if (draft.occurredAt < record.notice.servedAt)
    throw badInput('heldAt', 'cannot be before the prior notice was served (§44, §64) / 听证不能早于事先告知');
  if (record.investigatorIds.includes(chairOfficerId))
    throw badInput(
      'chairOfficerId',
      'the chair must not have investigated the case (§64(四)) / 主持人不得为本案调查人员',
    );
  assertStage(c, draft.stage, draft.activity);
  await assertLocalEntryRules(ctx.em, c.agencyId, draft);
  await assertCredentials('officerIds', draft.officerIds, c, draft.occurredAt);

  return commitEntry(ctx, c, draft, async (tx, entry, locked) => {
    locked.hearingHeld = true;
    const h = tx.create(HearingEntity, {
      caseId: c.id,
      entryId: entry.id,
      chairOfficerId,
      heldAt: draft.occurredAt,
      recorded: true,
    });
    await tx.flush();
    await remember(tx, h);
    return h;
  });
}
