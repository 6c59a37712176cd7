import { z } from 'zod';

/**
 * 行政执法统计 What each subgraph contributes to `enforcementStatistics` (国办发〔2018〕118号: annual figures by
 * 31 January; provinces prescribe the layout). Every subgraph that holds enforcement facts answers the internal
 * query `statisticsRows(region, from, to)` (service tokens only) with rows of this shape, one per agency, month,
 * category and metric; the supervision subgraph adds them up. Counts and amounts alike are decimal strings.
 */
export const STATISTICS_METRICS = {
  // records
  CASES_FILED: '立案数 Cases filed',
  DECISIONS: '作出决定数 Decisions recorded',
  PENALTY_DECISIONS: '行政处罚决定数 Penalty decisions imposing a penalty',
  FINE_AMOUNT: '罚款金额（元） Fines imposed, yuan',
  CONFISCATION_AMOUNT: '没收金额（元） Value confiscated, yuan',
  HEARINGS_HELD: '听证数 Hearings held',
  DECISIONS_CHALLENGED: '被申请复议或起诉数 Decisions challenged by reconsideration or litigation',
  DECISIONS_OVERTURNED: '被纠错数 Decisions changed, revoked or confirmed unlawful',
  // review
  REVIEWS_COMPLETED: '法制审核数 Legal reviews completed',
  REVIEWS_FAILED: '审核未通过数 Legal reviews failed',
  // disclosure
  PUBLICATIONS: '公示数 Decisions published',
  PUBLICATIONS_ON_TIME: '按时公示数 Decisions published within their limit',
  // inspection
  INSPECTIONS: '行政检查数 Inspections finished',
  // supervision
  COMPLAINTS_RECEIVED: '投诉举报受理数 Complaints accepted',
  COMPLAINTS_CLOSED: '投诉举报办结数 Complaints closed',
} as const;
export type StatisticsMetric = keyof typeof STATISTICS_METRICS;

export const StatisticsRowSchema = z.object({
  agencyId: z.string(),
  /** YYYY-MM, Asia/Shanghai. */
  month: z.string().regex(/^\d{4}-\d{2}$/),
  /** An EnforcementCategory, or null where the metric has none. */
  category: z.string().nullable(),
  metric: z.enum(Object.keys(STATISTICS_METRICS) as [StatisticsMetric, ...StatisticsMetric[]]),
  value: z.string(),
});
export type StatisticsRow = z.infer<typeof StatisticsRowSchema>;
