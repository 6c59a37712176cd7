import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, requireRole, requireText, shanghaiDate, assertCanRead, type Context, type Finding } from '@tsp/shared';
import { AgencyEntity } from '../entities/index.js';
import { Agency, Officer, ReviewerStaffing, SupervisionFinding } from './types.js';
import { CreateAgencyInput } from './inputs.js';
import { load } from './loaders.js';
import { agencyOrThrow, mayReadAgency } from './access.js';
import { personnelFindings } from '../rules/findings.js';
import { effectiveStatus } from '../rules/credentials.js';
import { CredentialStatus, OfficerRole } from '../rules/kinds.js';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: '执法主体列表（公开） Agencies, optionally of one region (public)' })
  async agencies(@Ctx() ctx: Context, @Arg('region', () => String, { nullable: true, description: '区域 Region' }) region?: string | null): Promise<AgencyEntity[]> {
    return ctx.em.find(AgencyEntity, region ? { region } : {}, { orderBy: { code: 'asc' } });
  }

  @Query(() => Agency, { description: '执法主体（公开） One agency (public)' })
  async agency(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<AgencyEntity> {
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
    description: '人员监督发现 Personnel findings: staffing, expiring credentials, no training last year. Empty for callers who may not read the agency.',
  })
  async personnelFindings(@Root() a: AgencyEntity, @Ctx() ctx: Context): Promise<Finding[]> {
    if (!mayReadAgency(ctx, a)) return [];
    const today = shanghaiDate();
    const lastYear = Number(today.slice(0, 4)) - 1;
    const [staffing, officers] = await Promise.all([load.staffing(ctx).load(a.id), load.officersOfAgency(ctx).load(a.id)]);
    const [creds, hours] = await Promise.all([
      load.credentialsOfOfficer(ctx).loadMany(officers.map((o) => o.id)),
      load.trainingHours(ctx, lastYear).loadMany(officers.map((o) => o.id)),
    ]);
    const credentials = officers.flatMap((o, i) => {
      const list = creds[i];
      return list instanceof Error ? [] : list.map((c) => ({ number: c.number, officerName: o.name, expiresOn: c.expiresOn, valid: effectiveStatus(c, today) === CredentialStatus.VALID }));
    });
    const officersWithoutTraining = officers.filter((o, i) => o.roles.includes(OfficerRole.ENFORCEMENT) && hours[i] === 0);
    return personnelFindings({ agencyId: a.id, staffing, credentials, officersWithoutTraining, today, now: new Date() });
  }

  @Mutation(() => Agency, { description: '新建执法主体（管理员） Create an agency (ADMIN)' })
  async createAgency(@Ctx() ctx: Context, @Arg('input') input: CreateAgencyInput): Promise<AgencyEntity> {
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
