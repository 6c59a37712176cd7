import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import {
  assertCanWrite, badInput, conflict, forbidden, loadCalendar, notFound, optionalText, requireDate, requireId, requireRole, requireText, Role,
  shanghaiDate, type Context, type EntityManager, Idempotent, byId,
} from '@tsp/shared';
import { LegalReviewEntity } from '../entities/index.js';
import { blankChecklist, mergeAnswers, assertPassable } from '../rules/checklist.js';
import { assertCanEscalate, assertTransition, outcomeStatus, ReviewOutcome, ReviewStatus, OPEN_STATUSES } from '../rules/status.js';
import { assertMayCountersign, assertMayReview } from '../rules/reviewer.js';
import { reviewDueOn } from '../rules/due.js';
import { checkProposal, checkReceivedOn } from '../rules/proposal.js';
import { OUTCOME_EVENT, publishReviewEvent } from '../events.js';
import { caseFacts } from '../deps/records.js';
import { officerFacts } from '../deps/personnel.js';
import { LegalReview } from './types.js';
import { CompleteReviewInput, CoordinationDecisionInput, CountersignReviewInput, EscalateReviewInput, SubmitForReviewInput } from './inputs.js';
import { agencyPolicy } from './policy.js';
import { load } from './loaders.js';

/** The review row locked for this transaction, or NOT_FOUND. */
async function locked(em: EntityManager, id: string): Promise<LegalReviewEntity> {
  const r = await em.findOne(LegalReviewEntity, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
  if (!r) throw notFound('review', id);
  return r;
}

/** The review before any write, so permission refusals never need a transaction. */
async function existing(ctx: Context, id: string): Promise<LegalReviewEntity> {
  const r = await load.review(ctx).load(requireId('review', id));
  if (!r) throw notFound('review', id);
  return r;
}

@Resolver()
export class WorkflowResolver {
  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '送审 Submit a proposed decision of a case for legal review (a handler of the case, or the agency head)' })
  async submitForReview(@Ctx() ctx: Context, @Arg('input', { description: '送审 The submission' }) input: SubmitForReviewInput): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.OFFICER, Role.AGENCY_HEAD);
    const caseId = requireId('case', input.caseId);
    const facts = await caseFacts(ctx, caseId);
    if (!facts) throw notFound('case', caseId);
    assertCanWrite(ctx.identity, facts.agencyId, [Role.OFFICER, Role.AGENCY_HEAD]);
    if (ctx.identity.role === Role.OFFICER && !facts.handlerIds.includes(ctx.identity.sub))
      throw forbidden('only a handler of the case or the agency head may submit it for review / 仅承办人或机关负责人可送审');
    if (facts.decided) throw conflict('the case already has a decision / 案件已作出决定', { caseId });
    const p = input.proposedDecision;
    const penaltyKinds = [...new Set(p.penaltyKinds)];
    checkProposal({ penaltyKinds, fineAmount: p.fineAmount, confiscationAmount: p.confiscationAmount });
    const today = shanghaiDate();
    const receivedOn = input.receivedOn ? requireDate('receivedOn', input.receivedOn) : today;
    checkReceivedOn(receivedOn, today);
    const policy = await agencyPolicy(ctx, facts.agencyId);

    return ctx.em.transactional(async (em) => {
      // Serialise submissions of one case: the newest review decides whether this resubmits a return.
      await em.execute(`select pg_advisory_xact_lock(hashtext(?))`, [`review.case:${caseId}`]);
      const [latest] = await em.find(LegalReviewEntity, { caseId }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: 1 });
      if (latest && OPEN_STATUSES.includes(latest.status))
        throw conflict(`the case already has a review in status ${latest.status} / 本案已有未办结的审核`, { reviewId: latest.id });
      const cal = await loadCalendar(em);
      const r = em.create(LegalReviewEntity, {
        agencyId: facts.agencyId, region: facts.region, caseId, caseNumber: facts.caseNumber, cause: facts.cause, category: facts.category,
        partyType: facts.partyType, handlerIds: facts.handlerIds, amountInvolved: facts.amountInvolved, hearingHeld: facts.hearingHeld,
        submittedBy: ctx.identity.sub!, previousReviewId: latest?.status === ReviewStatus.RETURNED ? latest.id : null,
        complex: input.complex, receivedOn, dueOn: reviewDueOn(cal, receivedOn, input.complex, policy.days), status: ReviewStatus.SUBMITTED,
        penaltyKinds, fineAmount: p.fineAmount ?? null, confiscationAmount: p.confiscationAmount ?? null,
        legalBasis: requireText('proposedDecision.legalBasis', p.legalBasis, 1000), summary: requireText('proposedDecision.summary', p.summary, 4000),
        checklist: blankChecklist(facts.category),
      });
      await em.flush();
      await publishReviewEvent(em, 'ReviewSubmitted', r, null);
      return r;
    });
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '开始审核 A legal reviewer of the agency takes the review (not a handler; first-time reviewers need the legal professional qualification)' })
  async startReview(@Ctx() ctx: Context, @Arg('reviewId', () => ID, { description: '法制审核 Review id' }) reviewId: string): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.LEGAL_REVIEWER);
    const r = await existing(ctx, reviewId);
    assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER]);
    assertTransition(r.status, 'start');
    const me = ctx.identity.sub;
    const [officer, hasCompletedReview] = await Promise.all([officerFacts(ctx, me), load.hasCompletedReview(ctx).load(me)]);
    assertMayReview({ officerId: me, tokenAgencyId: ctx.identity.agencyId, officer, reviewAgencyId: r.agencyId, handlerIds: r.handlerIds, hasCompletedReview });
    return ctx.em.transactional(async (em) => {
      const row = await locked(em, r.id);
      assertTransition(row.status, 'start');
      row.status = ReviewStatus.IN_REVIEW;
      row.reviewerId = me;
      row.startedAt = new Date();
      return row;
    });
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '作出审核结论 The reviewer concludes: PASS (every item answered the lawful way), RETURN or FAIL (with an opinion)' })
  async completeReview(@Ctx() ctx: Context, @Arg('input', { description: '审核结论 The conclusion' }) input: CompleteReviewInput): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.LEGAL_REVIEWER);
    const r = await existing(ctx, input.reviewId);
    assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER]);
    if (r.reviewerId !== ctx.identity.sub) throw forbidden('only the reviewer who started this review may conclude it / 仅本案审核人可作出结论');
    assertTransition(r.status, 'complete');
    const form = mergeAnswers(r.category, r.checklist, input.checklist.map((a) => ({ code: a.code, answer: a.answer, comment: a.comment ?? null })));
    const opinion = optionalText('opinion', input.opinion, 4000);
    if (input.outcome === ReviewOutcome.PASS) assertPassable(r.category, form);
    else if (!opinion) throw badInput('opinion', `${input.outcome} needs the reviewer's opinion: what is wrong and what to supplement / 退回或不通过须写明审核意见`);
    return ctx.em.transactional(async (em) => {
      const row = await locked(em, r.id);
      assertTransition(row.status, 'complete');
      row.checklist = form;
      row.status = outcomeStatus(input.outcome);
      row.reviewerOpinion = opinion;
      row.reviewerSignedOn = shanghaiDate();
      await em.flush();
      await publishReviewEvent(em, OUTCOME_EVENT[row.status as keyof typeof OUTCOME_EVENT], row, opinion);
      return row;
    });
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '法制机构负责人签署 The head of the legal office countersigns; the file is returned (退卷) that day' })
  async countersignReview(@Ctx() ctx: Context, @Arg('input', { description: '负责人签署 The countersignature' }) input: CountersignReviewInput): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD);
    const r = await existing(ctx, input.reviewId);
    assertCanWrite(ctx.identity, r.agencyId, [Role.LEGAL_REVIEWER, Role.AGENCY_HEAD]);
    assertMayCountersign({ officerId: ctx.identity.sub, reviewerId: r.reviewerId, handlerIds: r.handlerIds });
    const opinion = requireText('opinion', input.opinion, 4000);
    return ctx.em.transactional(async (em) => {
      const row = await locked(em, r.id);
      assertTransition(row.status, 'countersign');
      if (row.headSignedOn) throw conflict(`already countersigned on ${row.headSignedOn} / 已签署`);
      row.headId = ctx.identity.sub!;
      row.headOpinion = opinion;
      row.headSignedOn = shanghaiDate();
      row.returnedOn = row.headSignedOn;
      return row;
    });
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '提请协调决策 A handler who disagrees with RETURNED or FAILED escalates to the leadership (once)' })
  async escalateReview(@Ctx() ctx: Context, @Arg('input', { description: '提请协调 The escalation' }) input: EscalateReviewInput): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.OFFICER);
    const r = await existing(ctx, input.reviewId);
    assertCanWrite(ctx.identity, r.agencyId, [Role.OFFICER]);
    if (!r.handlerIds.includes(ctx.identity.sub)) throw forbidden('only a handler of the case may escalate its review / 仅承办人可提请协调');
    const reason = requireText('reason', input.reason, 4000);
    return ctx.em.transactional(async (em) => {
      const row = await locked(em, r.id);
      assertCanEscalate(row.status, !!row.escalatedAt);
      const newer = await em.count(LegalReviewEntity, { caseId: row.caseId, createdAt: { $gt: row.createdAt } });
      if (newer) throw conflict('the case was resubmitted since; escalate the newest review / 本案已重新送审');
      row.escalatedFrom = row.status;
      row.status = ReviewStatus.COORDINATION;
      row.escalatedBy = ctx.identity.sub!;
      row.escalationReason = reason;
      row.escalatedAt = new Date();
      await em.flush();
      await publishReviewEvent(em, 'ReviewEscalated', row, reason);
      return row;
    });
  }

  @UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))
  @Mutation(() => LegalReview, { description: '记录集体讨论决定 The agency head records the leadership\'s collective decision on an escalated review' })
  async recordCoordinationDecision(@Ctx() ctx: Context, @Arg('input', { description: '集体讨论决定 The leadership\'s decision' }) input: CoordinationDecisionInput): Promise<LegalReviewEntity> {
    requireRole(ctx.identity, Role.AGENCY_HEAD);
    const r = await existing(ctx, input.reviewId);
    assertCanWrite(ctx.identity, r.agencyId, [Role.AGENCY_HEAD]);
    const decision = requireText('decision', input.decision, 4000);
    const participants = requireText('participants', input.participants, 1000);
    const meetingOn = requireDate('meetingOn', input.meetingOn);
    checkMeetingDay(meetingOn, r.escalatedAt);
    return ctx.em.transactional(async (em) => {
      const row = await locked(em, r.id);
      assertTransition(row.status, 'coordinate');
      row.status = outcomeStatus(input.outcome);
      row.coordinationDecidedBy = ctx.identity.sub!;
      row.coordinationDecision = decision;
      row.coordinationMeetingOn = meetingOn;
      row.coordinationParticipants = participants;
      await em.flush();
      await publishReviewEvent(em, OUTCOME_EVENT[row.status as keyof typeof OUTCOME_EVENT], row, decision);
      return row;
    });
  }
}

/** The meeting happens after the escalation and not in the future. */
function checkMeetingDay(meetingOn: string, escalatedAt: Date | null): void {
  if (meetingOn > shanghaiDate()) throw badInput('meetingOn', 'cannot be in the future / 会议日期不能晚于今天');
  if (escalatedAt && meetingOn < shanghaiDate(escalatedAt)) throw badInput('meetingOn', 'is before the escalation / 会议日期早于提请日期');
}
