import {
  badInput,
  byId,
  conflict,
  type Context,
  EnforcementCategory,
  idempotent,
  type PenaltyKind,
  type Remember,
  requireText,
  shanghaiDate,
} from '@tsp/shared';

import { PriorNoticeEntity } from '../entities/index.js';
import { statementWorkingDaysOf } from '../read/procedure.js';
import { decisionProblem } from '../rules/decision.js';
import { CaseStage, RecordActivity } from '../rules/kinds.js';
import { commitEntry } from './append-record.js';
import { assertCredentials, assertLocalEntryRules, assertStage } from './checks.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, occurredAtOf, officerIdsOf } from './drafts.js';
import { caseForWrite } from './lock.js';
import { amountOf } from './party.js';

export interface ServePriorNoticeInputLike {
  caseId: string;
  penaltyKinds: PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
  facts: string;
  legalBasis: string;
  hearingOffered: boolean;
  servedAt: Date;
  officerIds: string[];
  summary?: string | null;
  attachments?: AttachmentInputLike[] | null;
}

/**
 * 行政处罚事先告知 Serves the prior notice (行政处罚法 §44): the intended penalty, its facts and basis, the
 * statement-and-defence period (the agency's setting, fixed on the notice) and whether a hearing is offered.
 * Written as a PRIOR_NOTICE entry of the EXAMINATION stage with its terms; a later notice supersedes it.
 */
export function servePriorNotice(ctx: Context, input: ServePriorNoticeInputLike): Promise<PriorNoticeEntity> {
  return idempotent(ctx, 'records', 'servePriorNotice', { input }, byId(PriorNoticeEntity), (remember) =>
    serveOnce(ctx, input, remember),
  );
}

async function serveOnce(
  ctx: Context,
  input: ServePriorNoticeInputLike,
  remember: Remember<PriorNoticeEntity>,
): Promise<PriorNoticeEntity> {
  const c = await caseForWrite(ctx, input.caseId);
  if (c.category !== EnforcementCategory.PENALTY)
    throw badInput('caseId', 'a prior notice belongs to a PENALTY case / 仅行政处罚案件适用事先告知');
  if (c.decided) throw conflict('the case already has a decision / 已作出决定');
  const servedAt = occurredAtOf('servedAt', input.servedAt, c.filedAt);
  const terms = {
    penaltyKinds: [...new Set(input.penaltyKinds)],
    fineAmount: amountOf('fineAmount', input.fineAmount),
    confiscationAmount: amountOf('confiscationAmount', input.confiscationAmount),
  };
  if (terms.penaltyKinds.length === 0)
    throw badInput('penaltyKinds', 'name the intended penalty / 须载明拟作出的行政处罚');
  const p = decisionProblem({ ...terms, decidedOn: shanghaiDate(servedAt) }, shanghaiDate(c.filedAt), shanghaiDate());
  if (p) throw badInput(p[0], p[1]);
  const facts = requireText('facts', input.facts, 4000);
  const legalBasis = requireText('legalBasis', input.legalBasis, 2000);
  const statementWorkingDays = await statementWorkingDaysOf(ctx.em, c.agencyId);
  const draft: EntryDraft = {
    stage: CaseStage.EXAMINATION,
    activity: RecordActivity.PRIOR_NOTICE,
    occurredAt: servedAt,
    officerIds: officerIdsOf('officerIds', input.officerIds),
    summary: requireText(
      'summary',
      input.summary ??
        `送达行政处罚事先告知书：拟${terms.penaltyKinds.join('、')}；陈述申辩期限${statementWorkingDays}个工作日` +
          (input.hearingOffered ? '，告知听证权利' : ''),
      4000,
    ),
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: null,
    affectsLibertyOrProperty: false,
  };
  assertStage(c, draft.stage, draft.activity);
  await assertLocalEntryRules(ctx.em, c.agencyId, draft);
  await assertCredentials('officerIds', draft.officerIds, c, servedAt);

  return commitEntry(ctx, c, draft, async (tx, entry) => {
    const notice = tx.create(PriorNoticeEntity, {
      caseId: c.id,
      entryId: entry.id,
      ...terms,
      facts,
      legalBasis,
      hearingOffered: input.hearingOffered,
      statementWorkingDays,
      servedAt,
    });
    await tx.flush();
    await remember(tx, notice);
    return notice;
  });
}
