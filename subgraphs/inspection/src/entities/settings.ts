import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** 检查频次上限 A region's caps (the defaults apply where a region has none). */
@Entity({ tableName: 'region_caps' })
export class RegionCapsEntity {
  @PrimaryKey({ type: 'text' })
  region!: string;

  @Property({ type: 'int' })
  perDay!: number;

  @Property({ type: 'int' })
  perWeek!: number;

  @Property({ type: 'int' })
  perMonth!: number;

  @Property({ type: 'int' })
  routinePerAgencyYear!: number;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}

/** 年度检查计划 One line of an agency's annual plan: how many inspections of an item it plans in a year. */
@Entity({ tableName: 'plan_line' })
export class PlanLineEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @PrimaryKey({ type: 'int' })
  year!: number;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'int' })
  planned!: number;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
