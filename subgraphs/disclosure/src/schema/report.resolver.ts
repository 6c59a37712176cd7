import { Arg, Ctx, Directive, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import {
  AGENCY_ROLES, assertCanWrite, badInput, conflict, PenaltyKind, requireId, shanghaiDate, type Context, type Finding,
  requireFindingsCaller, Idempotent, asAnswer,
} from '@tsp/shared';
import { AnnualReportEntity, PublicationPeriodEntity } from '../entities/index.js';
import { annualReportDueOn } from '../rules/deadlines.js';
import { MAX_PERIOD_MONTHS } from '../rules/periods.js';
import type { AnnualTotals } from '../rules/annual-report.js';
import { disclosureFindings } from '../rules/findings.js';
import { liveTotals } from '../store/reports.js';
import { findingFacts } from '../store/findings.js';
import { Agency, AnnualReport, PublicationPeriod, SupervisionFinding } from './types.js';
import { PublicationPeriodInput } from './inputs.js';
import { mayRead } from './access.js';

function reportView(agencyId: string, year: number, t: AnnualTotals, frozen: AnnualReportEntity | null): AnnualReport {
  return {
    agencyId, year, dueOn: annualReportDueOn(year), published: !!frozen, publishedAt: frozen?.publishedAt ?? null,
    decisions: t.decisions, byCategory: t.byCategory, byOutcome: t.byOutcome, finesTotal: t.finesTotal, confiscationsTotal: t.confiscationsTotal,
    reviewsPassed: t.reviews.passed, reviewsReturned: t.reviews.returned, reviewsFailed: t.reviews.failed,
    publishedOnTime: t.publishedOnTime, publishedLate: t.publishedLate, unpublished: t.unpublished, withheld: t.withheld,
  };
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw badInput('year', 'must be a year such as 2025');
  return year;
}

@Resolver()
export class ReportResolver {
  @Query(() => AnnualReport, { description: '年度行政执法数据（公开） Annual report: the frozen one once published, else the running totals' })
  async annualReport(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    const a = requireId('agency', agencyId);
    const frozen = await ctx.em.findOne(AnnualReportEntity, { agencyId: a, year: checkYear(year) });
    return reportView(a, year, frozen ? (frozen.totals as unknown as AnnualTotals) : await liveTotals(ctx.em, a, year), frozen);
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => AnnualReport, { description: '发布年度报告 Publish (freeze) an agency\'s report of a finished year (due 31 January of the next year)' })
  async publishAnnualReport(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    const a = requireId('agency', agencyId);
    assertCanWrite(ctx.identity, a, AGENCY_ROLES);
    if (checkYear(year) >= Number(shanghaiDate().slice(0, 4))) throw badInput('year', 'the year is not over yet / 年度尚未结束');
    if (await ctx.em.findOne(AnnualReportEntity, { agencyId: a, year })) throw conflict(`the ${year} report is already published and frozen / 已发布`);
    const totals = await liveTotals(ctx.em, a, year);
    const frozen = ctx.em.create(AnnualReportEntity, { agencyId: a, year, totals: totals as unknown as Record<string, unknown>, publishedBy: ctx.identity.sub!, publishedAt: new Date() });
    await ctx.em.flush();
    return reportView(a, year, totals, frozen);
  }

  @Query(() => [PublicationPeriod], { description: '公示期限（公开） Publication periods an agency configured per penalty kind (null months = legal default)' })
  async publicationPeriods(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    const rows = await ctx.em.find(PublicationPeriodEntity, { agencyId: requireId('agency', agencyId) });
    return Object.values(PenaltyKind).map((k) => ({ penaltyKind: k, months: rows.find((r) => r.penaltyKind === k)?.months ?? null }));
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => [PublicationPeriod], { description: '设置公示期限 Configure publication periods per penalty kind (applies to items published afterwards)' })
  async setPublicationPeriods(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('periods', () => [PublicationPeriodInput], { description: '公示期限 Periods to set, per penalty kind' }) periods: PublicationPeriodInput[],
  ) {
    const a = requireId('agency', agencyId);
    assertCanWrite(ctx.identity, a, AGENCY_ROLES);
    for (const p of periods)
      if (p.months != null && (!Number.isInteger(p.months) || p.months < 1 || p.months > MAX_PERIOD_MONTHS))
        throw badInput('periods.months', `must be 1…${MAX_PERIOD_MONTHS} months (got ${p.months} for ${p.penaltyKind})`);
    await ctx.em.transactional(async (em) => {
      for (const p of periods) {
        await em.nativeDelete(PublicationPeriodEntity, { agencyId: a, penaltyKind: p.penaltyKind });
        if (p.months != null) em.create(PublicationPeriodEntity, { agencyId: a, penaltyKind: p.penaltyKind, months: p.months, updatedBy: ctx.identity.sub! });
      }
    });
    return this.publicationPeriods(ctx, a);
  }
}

/** 公示监督发现 One agency's disclosure findings for this caller (the Agency field and the supervision summary). */
export async function agencyDisclosureFindings(ctx: Context, a: { id: string; region?: string | null }): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  if (!a.region || !mayRead(ctx, { agencyId: a.id, region: a.region })) return [];
  const today = shanghaiDate();
  const facts = await ctx.loaders
    .get<string, Omit<Parameters<typeof disclosureFindings>[0], 'agencyId' | 'today' | 'now'>>(`findingFacts`, async (ids) => {
      const m = await findingFacts(ctx.em, ids, today);
      return ids.map((id) => m.get(id)!);
    })
    .load(a.id);
  return disclosureFindings({ agencyId: a.id, today, now: new Date(), ...facts });
}

@Resolver(() => Agency)
export class AgencyFindingsResolver {
  @Directive('@requires(fields: "region")')
  @FieldResolver(() => [SupervisionFinding], {
    description: '公示监督发现 Disclosure findings: overdue drafts and withdrawals, withdrawn items still visible, missing annual report. Refused for the public; empty for callers outside the agency\'s scope.',
  })
  async disclosureFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyDisclosureFindings(ctx, a);
  }
}
