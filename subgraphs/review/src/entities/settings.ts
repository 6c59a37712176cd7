import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** 法制审核设置 An agency's review settings: time limits and what a large amount is. No row = defaults. */
@Entity({ tableName: 'review_settings' })
export class ReviewSettingsEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'integer' })
  normalDays!: number;

  @Property({ type: 'integer' })
  complexDays!: number;

  @Property({ type: 'decimal', precision: 15, scale: 2 })
  largeAmountNaturalPerson!: string;

  @Property({ type: 'decimal', precision: 15, scale: 2 })
  largeAmountOrganization!: string;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
