import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import {
  DateScalar, FindingCount, Role, authorizeSummary, type SummaryKey, assertCanRead, badInput, countFindings, forbidden, notFound, readFilter, requireDate, requireId,
  requireRole, requireText, shanghaiDate, type Context, Idempotent, reloaded,
} from '@tsp/shared';
import { AgencyEntity, RectificationNoticeEntity } from '../entities/index.js';
import { Agency } from './types.js';
import { AgencySupervisionSummary, IssueNoticeInput, RectificationNotice } from './supervision.types.js';
import { agencyOrThrow } from './access.js';
import { noticeState, periodProblem } from '../rules/supervision.js';
import { agencyPersonnelFindings } from './agency.resolver.js';

const view = (n: RectificationNoticeEntity) => ({ ...n, state: noticeState(n, shanghaiDate()) });

/** A repeated Idempotency-Key answers with the notice, read again. */
const noticeReplay = reloaded(async (ctx, id) => view(await ctx.em.findOneOrFail(RectificationNoticeEntity, { id })));

/** 行政执法监督 The justice bureau's notices and the cross-agency summary root. */
@Resolver()
export class SupervisionResolver {
  @Query(() => [RectificationNotice], { description: '整改通知 Notices in the caller\'s scope (supervisor: its region; agency staff: their agency)' })
  async rectificationNotices(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { nullable: true, description: '执法主体 Only this agency' }) agencyId?: string | null) {
    const scope = readFilter(ctx.identity);
    if (!ctx.identity.role || ctx.identity.role === Role.INTEGRATOR) throw forbidden('notices are for supervisors and the agencies concerned');
    const where: Record<string, unknown> = {};
    if (agencyId) where.agencyId = requireId('agency', agencyId);
    if (scope?.agencyIds) where.agencyId = agencyId && !scope.agencyIds.includes(agencyId) ? '00000000-0000-0000-0000-000000000000' : { $in: scope.agencyIds };
    if (scope?.region) where.region = scope.region;
    const rows = await ctx.em.find(RectificationNoticeEntity, where, { orderBy: { issuedAt: 'desc' }, limit: 500 });
    return rows.map(view);
  }

  @UseMiddleware(Idempotent('personnel', noticeReplay))
  @Mutation(() => RectificationNotice, { description: '发出整改通知（监督机关） Issue a notice of rectification (SUPERVISOR of the agency\'s region)' })
  async issueRectificationNotice(@Ctx() ctx: Context, @Arg('input', { description: '整改通知 The notice' }) input: IssueNoticeInput) {
    requireRole(ctx.identity, Role.SUPERVISOR);
    const agency = await agencyOrThrow(ctx, input.agencyId);
    if (agency.region !== ctx.identity.region) throw forbidden('this agency is outside your region / 不在监督区域内');
    const dueOn = requireDate('dueOn', input.dueOn);
    if (dueOn < shanghaiDate()) throw badInput('dueOn', 'must not be in the past');
    const n = ctx.em.create(RectificationNoticeEntity, {
      agencyId: agency.id, region: agency.region, findingKind: input.findingKind,
      subjectId: requireText('subjectId', input.subjectId, 100), notice: requireText('notice', input.notice, 4000), dueOn, issuedBy: ctx.identity.sub,
    });
    await ctx.em.flush();
    return view(n);
  }

  @UseMiddleware(Idempotent('personnel', noticeReplay))
  @Mutation(() => RectificationNotice, { description: '回复整改通知（本机关负责人） Record the agency\'s response (AGENCY_HEAD of that agency)' })
  async respondToRectificationNotice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '整改通知 Notice id' }) id: string,
    @Arg('response', { description: '整改回复 The agency\'s response' }) response: string,
  ) {
    requireRole(ctx.identity, Role.AGENCY_HEAD);
    const n = await ctx.em.findOne(RectificationNoticeEntity, { id: requireId('notice', id) });
    if (!n) throw notFound('notice', id);
    if (n.agencyId !== ctx.identity.agencyId) throw forbidden('this notice is addressed to another agency');
    if (n.respondedAt) throw badInput('id', 'already answered; responses are not overwritten');
    n.response = requireText('response', response, 4000);
    n.respondedBy = ctx.identity.sub;
    n.respondedAt = new Date();
    await ctx.em.flush();
    return view(n);
  }

  @Query(() => [AgencySupervisionSummary], {
    description: '监督统计 Findings per agency, kind and category in a period, for every agency of a region (SUPERVISOR of the region, ADMIN); each subgraph adds its part',
  })
  async supervisionSummary(
    @Ctx() ctx: Context,
    @Arg('region', { description: '区域 Region' }) region: string,
    @Arg('from', () => DateScalar, { description: '起 First day of the period' }) from: string,
    @Arg('to', () => DateScalar, { description: '止 Last day of the period (at most 3 years after from)' }) to: string,
  ) {
    requireRole(ctx.identity, Role.SUPERVISOR, Role.ADMIN);
    if (ctx.identity.role === Role.SUPERVISOR && ctx.identity.region !== region) throw forbidden('you supervise another region');
    const problem = periodProblem(from, to);
    if (problem) throw badInput('from', problem);
    const agencies = await ctx.em.find(AgencyEntity, { region }, { orderBy: { code: 'asc' } });
    return agencies.map((a) => ({ agencyId: a.id, region: a.region, from, to }));
  }
}

@Resolver(() => AgencySupervisionSummary)
export class SupervisionSummaryResolver {
  @FieldResolver(() => Agency, { description: '机关 Agency' })
  agency(@Root() s: AgencySupervisionSummary, @Ctx() ctx: Context) {
    return agencyOrThrow(ctx, s.agencyId);
  }

  @FieldResolver(() => [FindingCount], { description: '人员部分 Personnel findings per kind' })
  async personnel(@Root() s: AgencySupervisionSummary, @Ctx() ctx: Context) {
    const a = await agencyOrThrow(ctx, s.agencyId);
    const findings = await agencyPersonnelFindings(ctx, a);
    return countFindings(findings, s.from, s.to);
  }
}

@Resolver(() => RectificationNotice)
export class NoticeResolver {
  @FieldResolver(() => Agency, { description: '被监督机关 Agency concerned' })
  agency(@Root() n: RectificationNoticeEntity, @Ctx() ctx: Context) {
    return agencyOrThrow(ctx, n.agencyId);
  }
}

@Resolver(() => Agency)
export class AgencyNoticesResolver {
  @FieldResolver(() => [RectificationNotice], { description: '整改通知 Notices addressed to the agency (supervisor, the agency)' })
  async rectificationNotices(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'notices');
    if (ctx.identity.role === Role.INTEGRATOR) throw forbidden('notices are for supervisors and the agencies concerned');
    const rows = await ctx.loaders
      .get<string, RectificationNoticeEntity[]>('noticesOfAgency', async (ids) => {
        const all = await ctx.em.find(RectificationNoticeEntity, { agencyId: { $in: [...ids] } }, { orderBy: { issuedAt: 'desc' } });
        return ids.map((id) => all.filter((n) => n.agencyId === id));
      })
      .load(a.id);
    return rows.map(view);
  }
}

/** Authorizes a summary reference: the supervisor of the agency's region, or ADMIN. */
export function summaryReference(ref: SummaryKey, ctx: Context) {
  return authorizeSummary(ctx.identity, ref);
}
