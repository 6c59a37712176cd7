import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { Role, requireRole, requireText, shanghaiDate, assertCanRead, requireFindingsCaller, type Context, type Finding, Idempotent, byId } from '@tsp/shared';
import { AgencyEntity } from '../entities/index.js';
import { Agency, Officer, ReviewerStaffing, SupervisionFinding } from './types.js';
import { CreateAgencyInput } from './inputs.js';
import { load } from './loaders.js';
import { agencyOrThrow, mayReadAgency } from './access.js';
import { personnelFindings } from '../rules/findings.js';

/** 人员监督发现 One agency's personnel findings for this caller (the Agency field and the supervision summary). */
export async function agencyPersonnelFindings(ctx: Context, a: AgencyEntity): Promise<Finding[]> {
  requireFindingsCaller(ctx.identity);
  if (!mayReadAgency(ctx, a)) return [];
  const today = shanghaiDate();
  const lastYear = Number(today.slice(0, 4)) - 1;
  const [staffing, facts] = await Promise.all([load.staffing(ctx).load(a.id), load.findingFacts(ctx, lastYear).load(a.id)]);
  const findings = personnelFindings({ agencyId: a.id, staffing, ...facts, today, now: new Date() });
  // Inside this subgraph the finding's Agency is resolved here, so hand over the full row.
  return findings.map((f) => ({ ...f, agency: a }));
}

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: '执法主体列表（公开） Agencies, optionally of one region (public)' })
  async agencies(@Ctx() ctx: Context, @Arg('region', () => String, { nullable: true, description: '区域 Region' }) region?: string | null): Promise<AgencyEntity[]> {
    return ctx.em.find(AgencyEntity, region ? { region } : {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Agency, { description: '执法主体（公开） One agency (public)' })
  async agency(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '执法主体 Agency id' }) id: string): Promise<AgencyEntity> {
    return agencyOrThrow(ctx, id);
  }

  @FieldResolver(() => [Officer], { description: '执法人员（本机关、监督机关可见） Officers (own agency, supervisor, admin)' })
  async officers(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    assertCanRead(ctx.identity, { agencyId: a.id, region: a.region }, 'agency staff list');
    return load.officersOfAgency(ctx).load(a.id);
  }

  @FieldResolver(() => ReviewerStaffing, { description: '法制审核人员配备（公开） Reviewer staffing against the 5%/1 rule (public)' })
  reviewerStaffing(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    return load.staffing(ctx).load(a.id);
  }

  @FieldResolver(() => [SupervisionFinding], {
    description: '人员监督发现 Personnel findings: reviewer staffing below 5%/1, credentials expiring within 30 days, officers with no training hours last year. Refused for the public; empty for callers outside the agency\'s scope.',
  })
  async personnelFindings(@Root() a: AgencyEntity, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyPersonnelFindings(ctx, a);
  }

  @UseMiddleware(Idempotent('personnel', byId(AgencyEntity)))
  @Mutation(() => Agency, { description: '新建执法主体（管理员） Create an agency (ADMIN)' })
  async createAgency(@Ctx() ctx: Context, @Arg('input', { description: '执法主体 The agency' }) input: CreateAgencyInput): Promise<AgencyEntity> {
    requireRole(ctx.identity, Role.ADMIN);
    const a = ctx.em.create(AgencyEntity, {
      code: requireText('code', input.code, 40),
      name: requireText('name', input.name, 100),
      kind: input.kind,
      region: requireText('region', input.region, 100),
      isSupervisor: input.isSupervisor,
      legalOfficeName: requireText('legalOfficeName', input.legalOfficeName, 100),
    });
    await ctx.em.flush();
    return a;
  }
}
