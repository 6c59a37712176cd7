import { Directive, Field, ObjectType } from 'type-graphql';

/**
 * 统计行 One row of shared's statistics contract (StatisticsRowSchema). Every subgraph that answers
 * `statisticsRows` declares this same type, hence @shareable.
 */
@Directive('@shareable')
@ObjectType('StatisticsRow', {
  description: '内部：统计行 Internal: one statistics row (agency, month, category, metric)',
})
export class StatisticsRow {
  @Field({ description: '执法主体 Agency id' })
  agencyId!: string;
  @Field({ description: '月份 Month, YYYY-MM (Asia/Shanghai)' })
  month!: string;
  @Field(() => String, { nullable: true, description: '执法类别 Category, where the metric has one' })
  category!: string | null;
  @Field({ description: '指标 Metric (STATISTICS_METRICS)' })
  metric!: string;
  @Field({ description: '数值 Value, a decimal string' })
  value!: string;
}
