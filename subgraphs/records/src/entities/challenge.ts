import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { ChallengeKind, ChallengeOutcome } from '../rules/challenge.js';

/**
 * 行政复议 / 行政诉讼 A reconsideration or lawsuit against a case's decision and its outcome (rules/challenge.ts).
 * `agencyId` and `region` are the case's, copied so that findings and statistics need no join to scope.
 */
@Entity({ tableName: 'decision_challenge' })
@Unique({ properties: ['caseId', 'kind', 'reference'] })
@Index({ properties: ['agencyId', 'decidedOn'] })
export class DecisionChallengeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  kind!: ChallengeKind;

  /** 复议机关 / 人民法院 */
  @Property({ type: 'text' })
  body!: string;

  /** 案号 of the reconsideration or the lawsuit. */
  @Property({ type: 'text' })
  reference!: string;

  @Property({ type: 'date' })
  filedOn!: string;

  @Property({ type: 'text' })
  outcome!: ChallengeOutcome;

  @Property({ type: 'date', nullable: true })
  decidedOn: string | null = null;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  /** Who recorded the outcome; null while PENDING. */
  @Property({ type: 'text', nullable: true })
  decidedBy: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
