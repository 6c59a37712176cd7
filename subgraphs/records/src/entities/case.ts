import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { EnforcementCategory } from '@tsp/shared';

/** 执法案件 An enforcement case. `region` is the agency's, copied at filing for scoping. */
@Entity({ tableName: 'enforcement_case' })
@Unique({ properties: ['agencyId', 'caseNumber'] })
@Index({ properties: ['agencyId'] })
export class CaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  caseNumber!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text' })
  cause!: string;

  @Property({ type: 'text' })
  stage: Opt<string> = 'FILING';

  @Property({ type: 'timestamptz' })
  filedAt: Opt<Date> = new Date();
}
