import {
  AppError,
  badInput,
  byId,
  conflict,
  type Context,
  type DecisionRecordedPayload,
  idempotent,
  loadCalendar,
  PenaltyKind,
  publishEvent,
  type Remember,
  requireDate,
  requireText,
  shanghaiDate,
} from '@tsp/shared';

import { decisionReviewCheck, type DecisionReviewCheckInput } from '../clients/review.js';
import { CaseEntity, DecisionEntity, type RecordEntryEntity } from '../entities/index.js';
import { decisionProblem, penaltyOutsidePenaltyCase } from '../rules/decision.js';
import { CaseStage, RecordActivity } from '../rules/kinds.js';
import { type ReviewCheckFacts, reviewGateProblem } from '../rules/review-gate.js';
import { serviceDueOn } from '../rules/service.js';
import { assertCredentials, assertLocalEntryRules, assertStage } from './checks.js';
import { assertCitable } from './citations.js';
import {
  assertDiscretion,
  discretionColumns,
  type DiscretionInputLike,
  type JudgedDiscretion,
  judgeDiscretion,
} from './discretion.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, occurredAtOf, officerIdsOf } from './drafts.js';
import { insertEntry } from './insert-entry.js';
import { assertUnchanged, caseForWrite, lockCase } from './lock.js';
import { amountOf } from './party.js';
import { assertProcedure } from './procedure-gate.js';

export interface RecordDecisionInputLike {
  caseId: string;
  outcome: string;
  penaltyKinds: PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
  legalBasis: string;
  facts: string;
  conclusion: string;
  decidedOn: string;
  partyPresent?: boolean | null;
  officerIds: string[];
  summary?: string | null;
  attachments?: AttachmentInputLike[] | null;
  occurredAt?: Date | null;
  discretion?: DiscretionInputLike | null;
}

export interface DecisionRow {
  outcome: string;
  penaltyKinds: PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
  legalBasis: string;
  facts: string;
  conclusion: string;
  decidedOn: string;
  /** 当事人是否在场; null when not given (treated as absent by rules/service.ts). */
  partyPresent: boolean | null;
}

/** Validated decision fields. */
export function decisionRowOf(
  input: Omit<RecordDecisionInputLike, 'caseId' | 'officerIds'>,
  filedOn: string,
): DecisionRow {
  const row: DecisionRow = {
    outcome: requireText('outcome', input.outcome, 100),
    penaltyKinds: [...new Set(input.penaltyKinds)],
    fineAmount: amountOf('fineAmount', input.fineAmount),
    confiscationAmount: amountOf('confiscationAmount', input.confiscationAmount),
    legalBasis: requireText('legalBasis', input.legalBasis, 2000),
    facts: requireText('facts', input.facts, 4000),
    conclusion: requireText('conclusion', input.conclusion, 4000),
    decidedOn: requireDate('decidedOn', input.decidedOn),
    partyPresent: input.partyPresent ?? null,
  };
  const p = decisionProblem(row, filedOn, shanghaiDate());
  if (p) throw badInput(p[0], p[1]);
  return row;
}

/** DecisionRecorded payload, exactly as its type in @tsp/shared's events says (plus `legacy: true` for imports). */
export function decisionRecordedPayload(
  c: CaseEntity,
  d: DecisionRow,
  reviewId: string | null,
  legacy: boolean,
): DecisionRecordedPayload & Record<string, unknown> {
  return {
    caseId: c.id,
    caseNumber: c.caseNumber,
    agencyId: c.agencyId,
    category: c.category,
    cause: c.cause,
    party: { type: c.partyType, name: c.partyName, isMinor: c.partyIsMinor },
    outcome: d.outcome,
    penaltyKinds: d.penaltyKinds,
    fineAmount: d.fineAmount,
    confiscationAmount: d.confiscationAmount,
    legalBasis: d.legalBasis,
    facts: d.facts,
    conclusion: d.conclusion,
    decidedOn: d.decidedOn,
    reviewId,
    ...(legacy ? { legacy: true as const } : {}),
  };
}

/** Who recorded a decision and under what checks: its covering review, discretion, and for imports the rule broken. */
export interface DecisionProvenance {
  reviewId: string | null;
  actor: string;
  legacy?: boolean;
  procedureProblem?: string | null;
  discretion?: JudgedDiscretion | null;
}

/**
 * Writes the DECISION entry, the decision row, the stage, the service due day (on the calendar as
 * loaded now, ADMIN overrides included, as disclosure and review fix their due days) and
 * DecisionRecorded in the caller's transaction.
 */
export async function writeDecision(
  tx: Parameters<typeof insertEntry>[0],
  c: CaseEntity,
  d: DecisionRow,
  draft: EntryDraft,
  how: DecisionProvenance,
): Promise<RecordEntryEntity> {
  c.decided = true;
  c.serviceDueOn = serviceDueOn(
    { category: c.category, penaltyKinds: d.penaltyKinds, decidedOn: d.decidedOn, partyPresent: d.partyPresent },
    await loadCalendar(tx),
  );
  const { reviewId, actor, legacy = false } = how;
  const entry = await insertEntry(tx, c, draft, actor);
  tx.create(DecisionEntity, {
    caseId: c.id,
    entryId: entry.id,
    ...d,
    reviewId,
    legacy,
    procedureProblem: how.procedureProblem ?? null,
    ...discretionColumns(how.discretion ?? null),
  });
  await tx.flush();
  await publishEvent(tx, 'records', {
    type: 'DecisionRecorded',
    agencyId: c.agencyId,
    region: c.region,
    subjectId: c.id,
    payload: decisionRecordedPayload(c, d, reviewId, legacy),
  });
  return entry;
}

/**
 * 作出决定 Records the case's decision. Before writing, a penalty must have kept the party's procedural
 * rights (PROCEDURE_REQUIRED, write/procedure-gate.ts) and apply its benchmark or justify the departure
 * (DISCRETION_DEPARTURE, write/discretion.ts), and review says whether it is major and whether a
 * PASSED review of this case covers it: REVIEW_REQUIRED if not, DEPENDENCY_UNAVAILABLE if review
 * does not answer; nothing is written on any refusal.
 */
export function recordDecision(ctx: Context, input: RecordDecisionInputLike): Promise<CaseEntity> {
  return idempotent(ctx, 'records', 'recordDecision', { input }, byId(CaseEntity), (remember) =>
    recordDecisionOnce(ctx, input, remember),
  );
}

async function recordDecisionOnce(
  ctx: Context,
  input: RecordDecisionInputLike,
  remember: Remember<CaseEntity>,
): Promise<CaseEntity> {
  const c = await caseForWrite(ctx, input.caseId);
  if (c.decided) throw conflict('this case already has a decision; record a correction as a NOTE entry / 已作出决定');
  const d = decisionRowOf(input, shanghaiDate(c.filedAt));
  const outside = penaltyOutsidePenaltyCase(c.category, d.penaltyKinds);
  if (outside) throw badInput(...outside);
  const draft: EntryDraft = {
    stage: CaseStage.DECISION,
    activity: RecordActivity.DECISION,
    occurredAt: occurredAtOf('occurredAt', input.occurredAt ?? new Date(), c.filedAt),
    officerIds: officerIdsOf('officerIds', input.officerIds),
    summary: requireText('summary', input.summary ?? `${d.outcome}：${d.conclusion}`, 4000),
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: null,
    affectsLibertyOrProperty: false,
  };
  assertStage(c, CaseStage.DECISION, RecordActivity.DECISION);
  await assertLocalEntryRules(ctx.em, c.agencyId, draft);
  await assertCredentials('officerIds', draft.officerIds, c, d.decidedOn);
  const discretion = await judgeDiscretion(c, d, input.discretion);
  const departed = discretion?.departures.length
    ? {
        benchmarkId: discretion.benchmark.id,
        tier: discretion.tier,
        departures: discretion.departures.map((x) => x.code),
      }
    : null;
  const check = await decisionReviewCheck(reviewCheckInput(c, d, departed));
  // The party's rights come before review's gate, as notice and hearing come before the review in the file.
  await assertProcedure(ctx.em, c, d, check.largeAmount);
  assertReviewed(check);
  assertDiscretion(discretion, check);

  return ctx.em.transactional(async (tx) => {
    const locked = await lockCase(tx, c.id);
    assertUnchanged(c, locked);
    // Again under the lock: a notice served meanwhile may have changed what the decision may be.
    await assertProcedure(tx, locked, d, check.largeAmount);
    await assertCitable(
      tx,
      locked.agencyId,
      [{ field: 'attachments', attachments: draft.attachments }],
      'LIVE',
      ctx.identity.sub!,
    );
    const reviewId = check.reviewId ?? (departed ? check.departureReviewId : null);
    await writeDecision(tx, locked, d, draft, { reviewId, actor: ctx.identity.sub!, discretion });
    await remember(tx, locked);
    return locked;
  });
}

/** What review is asked about a decision of this case. */
export function reviewCheckInput(
  c: Pick<CaseEntity, 'id' | 'agencyId' | 'category' | 'partyType' | 'amountInvolved' | 'hearingHeld'>,
  d: DecisionRow,
  discretion: DecisionReviewCheckInput['discretion'] = null,
): DecisionReviewCheckInput {
  return {
    caseId: c.id,
    agencyId: c.agencyId,
    category: c.category,
    partyType: c.partyType,
    penaltyKinds: d.penaltyKinds,
    fineAmount: d.fineAmount,
    confiscationAmount: d.confiscationAmount,
    amountInvolved: c.amountInvolved,
    hearingHeld: c.hearingHeld,
    discretion,
  };
}

/** REVIEW_REQUIRED with review's reasons when the gate is closed. */
export function assertReviewed(check: ReviewCheckFacts): void {
  const p = reviewGateProblem(check);
  if (p) throw new AppError('REVIEW_REQUIRED', p, { reasons: check.reasons, problem: check.problem });
}
