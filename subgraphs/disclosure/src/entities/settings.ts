import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { PenaltyKind } from '@tsp/shared';

import type { AnnualTotals } from '../rules/annual-report.js';

/** 公示期限 An agency's publication period for one penalty kind. */
@Entity({ tableName: 'publication_period' })
export class PublicationPeriodEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @PrimaryKey({ type: 'text' })
  penaltyKind!: PenaltyKind;

  @Property({ type: 'int' })
  months!: number;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();

  @Property({ type: 'text' })
  updatedBy!: string;
}

/** 年度报告 A frozen annual report. */
@Entity({ tableName: 'annual_report' })
export class AnnualReportEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @PrimaryKey({ type: 'int' })
  year!: number;

  @Property({ type: 'json' })
  totals!: AnnualTotals;

  @Property({ type: 'timestamptz' })
  publishedAt: Opt<Date> = new Date();

  @Property({ type: 'text' })
  publishedBy!: string;
}
