import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory, PenaltyKind } from '@tsp/shared';

/** 重大执法决定法制审核目录清单 条目 A rule of an agency's catalogue of major decisions. */
@Entity({ tableName: 'catalog_rule' })
@Index({ properties: ['agencyId'] })
export class CatalogRuleEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text[]' })
  penaltyKinds: Opt<PenaltyKind[]> = [];

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineMinNaturalPerson: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineMinOrganization: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  amountInvolvedMinNaturalPerson: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  amountInvolvedMinOrganization: string | null = null;

  @Property({ type: 'boolean' })
  hearingHeld: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  enforcementLevel: string | null = null;

  @Property({ type: 'text', nullable: true })
  field: string | null = null;

  @Property({ type: 'text', nullable: true })
  socialImpact: string | null = null;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
