import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EnforcementCategory } from '@tsp/shared';

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

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
