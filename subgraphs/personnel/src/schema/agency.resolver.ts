import { byId, type Context, type Finding, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { AgencyEntity } from '../entities/index.js';
import { agencyOrThrow } from '../read/access.js';
import { agencyOfficers, listAgencies } from '../read/agencies.js';
import { agencyPersonnelFindings } from '../read/findings.js';
import { load } from '../read/loaders.js';
import { createAgency } from '../write/create-agency.js';
import { CreateAgencyInput } from './inputs.js';
import { Agency, Officer, ReviewerStaffing, SupervisionFinding } from './types.js';

@Resolver(() => Agency)
export class AgencyResolver {
  @Query(() => [Agency], { description: '执法主体列表（公开） Agencies, optionally of one region (public)' })
  async agencies(
    @Ctx() ctx: Context,
    @Arg('region', () => String, { nullable: true, description: '区域 Region' }) region?: string | null,
  ): Promise<AgencyEntity[]> {
    return listAgencies(ctx, region);
  }

  @Query(() => Agency, { description: '执法主体（公开） One agency (public)' })
  async agency(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '执法主体 Agency id' }) id: string,
  ): Promise<AgencyEntity> {
    return agencyOrThrow(ctx, id);
  }

  @FieldResolver(() => [Officer], {
    description: '执法人员（本机关、监督机关可见） Officers (own agency, supervisor, admin)',
  })
  async officers(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    return agencyOfficers(ctx, a);
  }

  @FieldResolver(() => ReviewerStaffing, {
    description: '法制审核人员配备（公开） Reviewer staffing against the 5%/1 rule (public)',
  })
  reviewerStaffing(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    return load.staffing(ctx).load(a.id);
  }

  @FieldResolver(() => [SupervisionFinding], {
    description:
      "人员监督发现 Personnel findings: reviewer staffing below 5%/1, credentials expiring within 30 days, officers with no training hours last year. Refused for the public; empty for callers outside the agency's scope.",
  })
  async personnelFindings(@Root() a: AgencyEntity, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyPersonnelFindings(ctx, a);
  }

  @UseMiddleware(Idempotent('personnel', byId(AgencyEntity)))
  @Mutation(() => Agency, { description: '新建执法主体（管理员） Create an agency (ADMIN)' })
  async createAgency(
    @Ctx() ctx: Context,
    @Arg('input', { description: '执法主体 The agency' }) input: CreateAgencyInput,
  ): Promise<AgencyEntity> {
    return createAgency(ctx, input);
  }
}
