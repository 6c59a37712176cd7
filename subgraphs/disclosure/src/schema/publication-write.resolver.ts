import { Arg, Ctx, ID, Mutation, Resolver, UseMiddleware } from 'type-graphql';
import {
  AGENCY_ROLES, assertCanWrite, badInput, loadCalendar, notFound, optionalText, requireDate, requireId, requireText, shanghaiDate, type Context, Idempotent, byId,
} from '@tsp/shared';
import { PublicationEntity, PublicationPeriodEntity } from '../entities/index.js';
import {
  assertCorrectable, assertPublishable, assertWithdrawable, maskCorrection, requireReason, draftFromDecision,
} from '../rules/publication.js';
import { maskText, publicPartyName } from '../rules/masking.js';
import { periodMonths, visibleUntil } from '../rules/periods.js';
import { withdrawalDueOn } from '../rules/deadlines.js';
import { DEADLINE_TRIGGERS, PublicationKind, PublicationStatus, RevisionAction } from '../rules/kinds.js';
import { WithdrawalTrigger } from './enums.js';
import { addRevision } from '../store/revisions.js';
import { DecisionPublication } from './types.js';
import { InspectionResultInput, PublicationCorrectionInput } from './inputs.js';
import { EnforcementCategory, PartyType } from '@tsp/shared';
import { regionOf } from './agency-region.js';

/** The publication for a write by its own agency's staff (NOT_FOUND when it does not exist). */
async function forWrite(ctx: Context, id: string): Promise<PublicationEntity> {
  const p = await ctx.em.findOne(PublicationEntity, { id: requireId('publication', id) }, { populate: ['partyNamePrivate'] });
  if (!p) throw notFound('publication', id);
  assertCanWrite(ctx.identity, p.agencyId, AGENCY_ROLES);
  return p;
}

async function periodsOf(ctx: Context, agencyId: string) {
  const rows = await ctx.em.find(PublicationPeriodEntity, { agencyId });
  return new Map(rows.map((r) => [r.penaltyKind, r.months]));
}

/** Publishes (the agency's check, 审核): sets the period end from the agency's configuration or the default. */
async function publish(ctx: Context, p: PublicationEntity, note: string | null): Promise<void> {
  assertPublishable(p);
  const today = shanghaiDate();
  const months = periodMonths({ partyType: p.partyType, penaltyKinds: p.penaltyKinds, fineAmount: p.fineAmount ?? null }, await periodsOf(ctx, p.agencyId));
  const now = new Date();
  ctx.em.assign(p, {
    status: PublicationStatus.PUBLISHED, publishedAt: now, publishedBy: ctx.identity.sub!, checkNote: note,
    expiresOn: visibleUntil(today, months), version: p.version + 1, updatedAt: now,
  });
  addRevision(ctx.em, p, RevisionAction.PUBLISHED, note ?? '审核通过，予以公示 checked and published', ctx.identity.sub!);
}

@Resolver()
export class PublicationWriteResolver {
  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, { description: '审核发布 Check and publish a draft (agency staff of the owning agency)' })
  async publishDecision(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('checkNote', () => String, { nullable: true, description: '审核意见 Note of the check' }) checkNote?: string | null,
  ) {
    const p = await forWrite(ctx, id);
    const note = optionalText('checkNote', checkNote, 500);
    await publish(ctx, p, note && maskText(note, { partyType: p.partyType, partyName: p.partyNamePrivate }));
    await ctx.em.flush();
    return p;
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, { description: '纠错 Correct a publication: a new revision with its reason; the history stays visible' })
  async correctPublication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('input', () => PublicationCorrectionInput, { description: '纠正内容 Fields to correct; others stay as they are' }) input: PublicationCorrectionInput,
    @Arg('reason', { description: '纠错理由 Reason (shown with the revision)' }) reason: string,
  ) {
    const p = await forWrite(ctx, id);
    assertCorrectable(p, shanghaiDate());
    const why = maskText(requireReason('reason', reason), { partyType: p.partyType, partyName: p.partyNamePrivate });
    const patch: Partial<PublicationEntity> = maskCorrection(
      {
        caseNumber: optionalText('input.caseNumber', input.caseNumber, 100) ?? undefined,
        summary: optionalText('input.summary', input.summary, 4000) ?? undefined,
        conclusion: optionalText('input.conclusion', input.conclusion, 4000) ?? undefined,
        legalBasis: optionalText('input.legalBasis', input.legalBasis, 2000) ?? undefined,
      },
      p.partyType,
      p.partyNamePrivate ?? null,
    );
    const party = optionalText('input.partyName', input.partyName, 200);
    if (party) {
      patch.partyName = publicPartyName(p.partyType, party);
      if (p.partyType === PartyType.NATURAL_PERSON) patch.partyNamePrivate = party;
    }
    if (Object.keys(patch).length === 0) throw badInput('input', 'names no field to correct / 未提供需纠正的内容');
    ctx.em.assign(p, { ...patch, version: p.version + 1, updatedAt: new Date() });
    addRevision(ctx.em, p, RevisionAction.CORRECTED, why, ctx.identity.sub!);
    await ctx.em.flush();
    return p;
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description: '撤回 Withdraw a published item: off the public list at once, kept for the agency with its history. When the decision was changed/revoked/confirmed illegal or void, give the trigger and the day it happened: the 3-working-day deadline is tracked.',
  })
  async withdrawPublication(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('reason', { description: '撤回理由 Reason (required)' }) reason: string,
    @Arg('trigger', () => WithdrawalTrigger, { nullable: true, description: '原因类型 What happened (default OTHER)' }) trigger?: WithdrawalTrigger | null,
    @Arg('happenedOn', () => String, { nullable: true, description: '发生日期 Day the decision was changed/revoked (YYYY-MM-DD)' }) happenedOn?: string | null,
  ) {
    const p = await forWrite(ctx, id);
    const today = shanghaiDate();
    assertWithdrawable(p, today);
    const why = maskText(requireReason('reason', reason), { partyType: p.partyType, partyName: p.partyNamePrivate });
    const t = trigger ?? p.withdrawalTrigger ?? WithdrawalTrigger.OTHER;
    if (DEADLINE_TRIGGERS.has(t) && !p.withdrawalDueOn) {
      const on = happenedOn ? requireDate('happenedOn', happenedOn) : today;
      if (on > today) throw badInput('happenedOn', 'is in the future');
      ctx.em.assign(p, { withdrawalEventOn: on, withdrawalDueOn: withdrawalDueOn(await loadCalendar(ctx.em), on) });
    }
    const now = new Date();
    ctx.em.assign(p, { status: PublicationStatus.WITHDRAWN, withdrawnAt: now, withdrawalReason: why, withdrawalTrigger: t, version: p.version + 1, updatedAt: now });
    addRevision(ctx.em, p, RevisionAction.WITHDRAWN, why, ctx.identity.sub!);
    await ctx.em.flush();
    return p;
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, {
    description: '报告决定变更 Record that a published decision was changed/revoked/confirmed illegal or void: it must be withdrawn within 3 working days (行政处罚法 §48); overdue withdrawals become findings.',
  })
  async reportDecisionChange(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string,
    @Arg('trigger', () => WithdrawalTrigger, { description: '原因类型 What happened to the decision' }) trigger: WithdrawalTrigger,
    @Arg('happenedOn', () => String, { description: '发生日期 Day it happened (YYYY-MM-DD)' }) happenedOn: string,
    @Arg('note', { description: '说明 Note' }) note: string,
  ) {
    const p = await forWrite(ctx, id);
    const today = shanghaiDate();
    assertWithdrawable(p, today);
    if (!DEADLINE_TRIGGERS.has(trigger)) throw badInput('trigger', 'must be DECISION_CHANGED, DECISION_REVOKED, CONFIRMED_ILLEGAL or CONFIRMED_VOID');
    const on = requireDate('happenedOn', happenedOn);
    if (on > today) throw badInput('happenedOn', 'is in the future');
    const why = maskText(requireText('note', note, 500), { partyType: p.partyType, partyName: p.partyNamePrivate });
    ctx.em.assign(p, { withdrawalTrigger: trigger, withdrawalEventOn: on, withdrawalDueOn: withdrawalDueOn(await loadCalendar(ctx.em), on), version: p.version + 1, updatedAt: new Date() });
    addRevision(ctx.em, p, RevisionAction.WITHDRAWAL_REQUIRED, why, ctx.identity.sub!);
    await ctx.em.flush();
    return p;
  }

  @UseMiddleware(Idempotent('disclosure', byId(PublicationEntity)))
  @Mutation(() => DecisionPublication, { description: '双随机抽查结果公示 Enter a random-inspection result; masked like decisions; published at once unless publishNow is false' })
  async publishInspectionResult(@Ctx() ctx: Context, @Arg('input', () => InspectionResultInput, { description: '抽查结果 The inspection result' }) input: InspectionResultInput) {
    const agencyId = requireId('agency', input.agencyId);
    assertCanWrite(ctx.identity, agencyId, AGENCY_ROLES);
    const region = await regionOf(ctx, agencyId);
    const inspectedOn = requireDate('input.inspectedOn', input.inspectedOn);
    if (inspectedOn > shanghaiDate()) throw badInput('input.inspectedOn', 'is in the future');
    const draft = draftFromDecision({
      caseId: '', caseNumber: requireText('input.inspectionNumber', input.inspectionNumber, 100), agencyId, category: EnforcementCategory.INSPECTION, cause: '',
      party: { type: input.partyType, name: requireText('input.partyName', input.partyName, 200), isMinor: input.partyIsMinor },
      outcome: '', penaltyKinds: [], fineAmount: null, confiscationAmount: null,
      legalBasis: requireText('input.legalBasis', input.legalBasis, 2000), facts: requireText('input.summary', input.summary, 4000),
      conclusion: requireText('input.conclusion', input.conclusion, 4000), decidedOn: inspectedOn, reviewId: null,
    }, await loadCalendar(ctx.em));
    const p = ctx.em.create(PublicationEntity, {
      kind: PublicationKind.INSPECTION_RESULT, agencyId, region, category: EnforcementCategory.INSPECTION, partyType: input.partyType,
      caseNumber: draft.caseNumber, partyName: draft.partyName, summary: draft.summary, conclusion: draft.conclusion, legalBasis: draft.legalBasis,
      decidedOn: inspectedOn, dueOn: draft.dueOn, status: PublicationStatus.DRAFT, publishable: draft.publishable,
      notPublishableReason: draft.notPublishableReason, partyNamePrivate: draft.partyNamePrivate,
    });
    addRevision(ctx.em, p, draft.publishable ? RevisionAction.DRAFTED : RevisionAction.NOT_PUBLISHABLE, draft.notPublishableReason ?? '录入抽查结果 inspection result entered', ctx.identity.sub!);
    if (input.publishNow && draft.publishable) await publish(ctx, p, null);
    await ctx.em.flush();
    return p;
  }
}
