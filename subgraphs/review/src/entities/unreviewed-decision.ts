import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory } from '@tsp/shared';

/**
 * Projection of records' DecisionRecorded events that carried no review but are major by the
 * agency's catalogue and the law (legacy imports, or anything that got around the gate).
 */
@Entity({ tableName: 'unreviewed_decision' })
@Index({ properties: ['agencyId'] })
export class UnreviewedDecisionEntity {
  @PrimaryKey({ type: 'uuid' })
  caseId!: string;
  @Property({ type: 'uuid' })
  agencyId!: string;
  @Property({ type: 'text' })
  region!: string;
  @Property({ type: 'text' })
  caseNumber!: string;
  @Property({ type: 'text' })
  category!: EnforcementCategory;
  @Property({ type: 'date' })
  decidedOn!: string;
  @Property({ type: 'text[]' })
  reasons!: string[];
  @Property({ type: 'uuid' })
  eventId!: string;
  @Property({ type: 'timestamptz' })
  seenAt: Opt<Date> = new Date();
}
