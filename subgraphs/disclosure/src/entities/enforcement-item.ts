import { Entity, Index, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EnforcementCategory } from '@tsp/shared';

/** 行政执法事项清单 条目 An item of an agency's enforcement item list. */
@Entity({ tableName: 'enforcement_item' })
@Index({ properties: ['agencyId'] })
export class EnforcementItemEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'text' })
  responsibleBody!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
