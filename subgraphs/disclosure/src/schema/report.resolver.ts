import { asAnswer, type Context, type Finding, Idempotent } from '@tsp/shared';
import {
  Arg,
  Ctx,
  Directive,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';

import { agencyDisclosureFindings } from '../read/findings.js';
import { annualReport, publicationPeriods } from '../read/reports.js';
import { publishAnnualReport } from '../write/annual-report.js';
import { setPublicationPeriods } from '../write/publication-periods.js';
import { PublicationPeriodInput } from './inputs.js';
import { Agency, AnnualReport, PublicationPeriod, SupervisionFinding } from './types.js';

@Resolver()
export class ReportResolver {
  @Query(() => AnnualReport, {
    description: '年度行政执法数据（公开） Annual report: the frozen one once published, else the running totals',
  })
  annualReport(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    return annualReport(ctx, agencyId, year);
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => AnnualReport, {
    description:
      "发布年度报告 Publish (freeze) an agency's report of a finished year (due 31 January of the next year)",
  })
  publishAnnualReport(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('year', () => Int, { description: '年度 Year' }) year: number,
  ) {
    return publishAnnualReport(ctx, agencyId, year);
  }

  @Query(() => [PublicationPeriod], {
    description:
      '公示期限（公开） Publication periods an agency configured per penalty kind (null months = legal default)',
  })
  publicationPeriods(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return publicationPeriods(ctx, agencyId);
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => [PublicationPeriod], {
    description: '设置公示期限 Configure publication periods per penalty kind (applies to items published afterwards)',
  })
  setPublicationPeriods(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('periods', () => [PublicationPeriodInput], { description: '公示期限 Periods to set, per penalty kind' })
    periods: PublicationPeriodInput[],
  ) {
    return setPublicationPeriods(ctx, agencyId, periods);
  }
}

@Resolver(() => Agency)
export class AgencyFindingsResolver {
  @Directive('@requires(fields: "region")')
  @FieldResolver(() => [SupervisionFinding], {
    description:
      "公示监督发现 Disclosure findings: overdue drafts and withdrawals, withdrawn items still visible, missing annual report. Refused for the public; empty for callers outside the agency's scope.",
  })
  disclosureFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyDisclosureFindings(ctx, a);
  }
}
