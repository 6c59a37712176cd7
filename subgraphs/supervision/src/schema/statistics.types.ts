import { DateScalar, DecimalScalar, EnforcementCategory, STATISTICS_METRICS, type StatisticsMetric } from '@tsp/shared';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

import type { Figures, Rates } from '../rules/statistics.js';
import { Agency } from './types.js';

/** The contract's metrics as a GraphQL enum (the monthly trend names one per value). */
export const StatisticsMetricEnum = Object.fromEntries(Object.keys(STATISTICS_METRICS).map((k) => [k, k])) as {
  [K in StatisticsMetric]: K;
};
registerEnumType(StatisticsMetricEnum, {
  name: 'StatisticsMetric',
  description: '统计指标 What a figure of the enforcement statistics counts',
  valuesConfig: Object.fromEntries(
    Object.entries(STATISTICS_METRICS).map(([k, description]) => [k, { description }]),
  ) as Record<StatisticsMetric, { description: string }>,
});

const count = (n: string) => Number(n);

@ObjectType({ description: '统计数字 The figures of an agency, a category or a region: counts and yuan' })
export class StatisticsFigures {
  constructor(f: Figures) {
    this.casesFiled = count(f.CASES_FILED);
    this.decisions = count(f.DECISIONS);
    this.penaltyDecisions = count(f.PENALTY_DECISIONS);
    this.fineAmount = f.FINE_AMOUNT;
    this.confiscationAmount = f.CONFISCATION_AMOUNT;
    this.hearingsHeld = count(f.HEARINGS_HELD);
    this.decisionsChallenged = count(f.DECISIONS_CHALLENGED);
    this.decisionsOverturned = count(f.DECISIONS_OVERTURNED);
    this.reviewsCompleted = count(f.REVIEWS_COMPLETED);
    this.reviewsFailed = count(f.REVIEWS_FAILED);
    this.publications = count(f.PUBLICATIONS);
    this.publicationsOnTime = count(f.PUBLICATIONS_ON_TIME);
    this.inspections = count(f.INSPECTIONS);
    this.complaintsReceived = count(f.COMPLAINTS_RECEIVED);
    this.complaintsClosed = count(f.COMPLAINTS_CLOSED);
  }
  @Field(() => Int, { description: STATISTICS_METRICS.CASES_FILED })
  casesFiled: number;
  @Field(() => Int, { description: STATISTICS_METRICS.DECISIONS })
  decisions: number;
  @Field(() => Int, { description: STATISTICS_METRICS.PENALTY_DECISIONS })
  penaltyDecisions: number;
  @Field(() => DecimalScalar, { description: STATISTICS_METRICS.FINE_AMOUNT })
  fineAmount: string;
  @Field(() => DecimalScalar, { description: STATISTICS_METRICS.CONFISCATION_AMOUNT })
  confiscationAmount: string;
  @Field(() => Int, { description: STATISTICS_METRICS.HEARINGS_HELD })
  hearingsHeld: number;
  @Field(() => Int, { description: STATISTICS_METRICS.DECISIONS_CHALLENGED })
  decisionsChallenged: number;
  @Field(() => Int, { description: STATISTICS_METRICS.DECISIONS_OVERTURNED })
  decisionsOverturned: number;
  @Field(() => Int, { description: STATISTICS_METRICS.REVIEWS_COMPLETED })
  reviewsCompleted: number;
  @Field(() => Int, { description: STATISTICS_METRICS.REVIEWS_FAILED })
  reviewsFailed: number;
  @Field(() => Int, { description: STATISTICS_METRICS.PUBLICATIONS })
  publications: number;
  @Field(() => Int, { description: STATISTICS_METRICS.PUBLICATIONS_ON_TIME })
  publicationsOnTime: number;
  @Field(() => Int, { description: STATISTICS_METRICS.INSPECTIONS })
  inspections: number;
  @Field(() => Int, { description: STATISTICS_METRICS.COMPLAINTS_RECEIVED })
  complaintsReceived: number;
  @Field(() => Int, { description: STATISTICS_METRICS.COMPLAINTS_CLOSED })
  complaintsClosed: number;
}

@ObjectType({ description: '比率 Derived rates in percent (one decimal place; null when nothing to divide by)' })
export class StatisticsRates implements Rates {
  @Field(() => Float, {
    nullable: true,
    description: '按时公示率 Publications made by their due day, % of publications',
  })
  publicationsOnTimePercent!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: '纠错率 Decisions changed, revoked or confirmed unlawful, % of decisions recorded',
  })
  overturnedPercent!: number | null;
  @Field(() => Float, { nullable: true, description: '办结率 Complaints closed, % of complaints accepted' })
  complaintsClosedPercent!: number | null;
}

@ObjectType({ description: '分类统计 The figures of one enforcement category' })
export class CategoryStatistics {
  @Field(() => EnforcementCategory, {
    nullable: true,
    description: '执法类别 Category; null for figures without one (complaints)',
  })
  category!: EnforcementCategory | null;
  @Field(() => StatisticsFigures, { description: '数字 Figures' })
  figures!: StatisticsFigures;
}

@ObjectType({ description: '机关统计 One agency’s line of the annual table' })
export class AgencyStatistics {
  @Field(() => Agency, { description: '执法机关 The agency' })
  agency!: { id: string };
  @Field({ description: '机关名称 The agency’s name, as personnel lists it' })
  agencyName!: string;
  @Field(() => [CategoryStatistics], { description: '分类 Per category, in the template’s order' })
  byCategory!: CategoryStatistics[];
  @Field(() => StatisticsFigures, { description: '合计 The agency’s totals' })
  totals!: StatisticsFigures;
  @Field(() => StatisticsRates, { description: '比率 Rates' })
  rates!: StatisticsRates;
}

@ObjectType({ description: '月度趋势 One metric’s value in one month' })
export class StatisticsMonthValue {
  @Field({ description: '月份 Month, YYYY-MM (Asia/Shanghai)' })
  month!: string;
  @Field(() => StatisticsMetricEnum, { description: '指标 Metric' })
  metric!: StatisticsMetric;
  @Field({ description: '数值 Value: a count, or yuan for amounts' })
  value!: string;
}

@ObjectType({
  description:
    '行政执法统计 A region’s annual enforcement statistics (国办发〔2018〕118号): per agency and category, totals, rates and monthly trend',
})
export class EnforcementStatistics {
  @Field({ description: '区域 Region' })
  region!: string;
  @Field(() => Int, { description: '年度 Year' })
  year!: number;
  @Field(() => DateScalar, { description: '起 First day' })
  from!: string;
  @Field(() => DateScalar, { description: '止 Last day' })
  to!: string;
  @Field(() => [AgencyStatistics], { description: '各机关 One line per agency the caller may read' })
  agencies!: AgencyStatistics[];
  @Field(() => [CategoryStatistics], { description: '分类合计 The region’s figures per category' })
  byCategory!: CategoryStatistics[];
  @Field(() => StatisticsFigures, { description: '合计 The region’s totals (of the lines shown)' })
  totals!: StatisticsFigures;
  @Field(() => StatisticsRates, { description: '比率 The region’s rates' })
  rates!: StatisticsRates;
  @Field(() => [StatisticsMonthValue], {
    description: '月度趋势 Every month of the year × metric, zeros included, for dashboards',
  })
  monthly!: StatisticsMonthValue[];
}
