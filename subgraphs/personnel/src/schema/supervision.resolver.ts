import { type Context, DateScalar, FindingCount, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import type { AgencyEntity, RectificationNoticeEntity } from '../entities/index.js';
import { agencyOrThrow } from '../read/access.js';
import { agencyNotices, rectificationNotices } from '../read/notices.js';
import { summaryPersonnel, supervisionSummary } from '../read/summary.js';
import {
  issueRectificationNotice,
  noticeReplay,
  respondToRectificationNotice,
} from '../write/rectification-notices.js';
import { AgencySupervisionSummary, IssueNoticeInput, RectificationNotice } from './supervision.types.js';
import { Agency } from './types.js';

/** 行政执法监督 The justice bureau's notices and the cross-agency summary root. */
@Resolver()
export class SupervisionResolver {
  @Query(() => [RectificationNotice], {
    description: "整改通知 Notices in the caller's scope (supervisor: its region; agency staff: their agency)",
  })
  async rectificationNotices(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { nullable: true, description: '执法主体 Only this agency' }) agencyId?: string | null,
  ) {
    return rectificationNotices(ctx, agencyId);
  }

  @UseMiddleware(Idempotent('personnel', noticeReplay))
  @Mutation(() => RectificationNotice, {
    description: "发出整改通知（监督机关） Issue a notice of rectification (SUPERVISOR of the agency's region)",
  })
  async issueRectificationNotice(
    @Ctx() ctx: Context,
    @Arg('input', { description: '整改通知 The notice' }) input: IssueNoticeInput,
  ) {
    return issueRectificationNotice(ctx, input);
  }

  @UseMiddleware(Idempotent('personnel', noticeReplay))
  @Mutation(() => RectificationNotice, {
    description: "回复整改通知（本机关负责人） Record the agency's response (AGENCY_HEAD of that agency)",
  })
  async respondToRectificationNotice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '整改通知 Notice id' }) id: string,
    @Arg('response', { description: "整改回复 The agency's response" }) response: string,
  ) {
    return respondToRectificationNotice(ctx, id, response);
  }

  @Query(() => [AgencySupervisionSummary], {
    description:
      '监督统计 Findings per agency, kind and category in a period, for every agency of a region (SUPERVISOR of the region, ADMIN); each subgraph adds its part',
  })
  async supervisionSummary(
    @Ctx() ctx: Context,
    @Arg('region', { description: '区域 Region' }) region: string,
    @Arg('from', () => DateScalar, { description: '起 First day of the period' }) from: string,
    @Arg('to', () => DateScalar, { description: '止 Last day of the period (at most 3 years after from)' }) to: string,
  ) {
    return supervisionSummary(ctx, region, from, to);
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
    return summaryPersonnel(ctx, s);
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
  @FieldResolver(() => [RectificationNotice], {
    description: '整改通知 Notices addressed to the agency (supervisor, the agency)',
  })
  async rectificationNotices(@Root() a: AgencyEntity, @Ctx() ctx: Context) {
    return agencyNotices(ctx, a);
  }
}
