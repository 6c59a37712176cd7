import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import type { ChecklistAnswer } from '../rules/checklist.js';
import type { ProposalDiscretion } from '../rules/discretion.js';
import type { ReviewStatus } from '../rules/status.js';

/**
 * 重大行政执法决定法制审核意见表 One legal review of one proposed decision. The case's agency,
 * region, number, cause and handlers are copied from records at submission, so authorization and
 * the form never need another subgraph.
 */
@Entity({ tableName: 'legal_review' })
@Index({ properties: ['caseId'] })
@Index({ properties: ['agencyId', 'status'] })
export class LegalReviewEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;
  @Property({ type: 'text' })
  region!: string;
  @Property({ type: 'uuid' })
  caseId!: string;
  @Property({ type: 'text' })
  caseNumber!: string;
  @Property({ type: 'text' })
  cause!: string;
  @Property({ type: 'text' })
  category!: EnforcementCategory;
  @Property({ type: 'text' })
  partyType!: PartyType;
  @Property({ type: 'uuid[]' })
  handlerIds!: string[];
  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  amountInvolved: string | null = null;
  @Property({ type: 'boolean' })
  hearingHeld!: boolean;

  @Property({ type: 'text' })
  submittedBy!: string;
  @Property({ type: 'uuid', nullable: true })
  previousReviewId: string | null = null;
  @Property({ type: 'boolean' })
  complex!: boolean;
  @Property({ type: 'date' })
  receivedOn!: string;
  @Property({ type: 'date' })
  dueOn!: string;
  @Property({ type: 'text' })
  status!: ReviewStatus;

  // 拟作出的决定 The proposed decision under review.
  @Property({ type: 'text[]' })
  penaltyKinds!: PenaltyKind[];
  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineAmount: string | null = null;
  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  confiscationAmount: string | null = null;
  @Property({ type: 'text' })
  legalBasis!: string;
  @Property({ type: 'text' })
  summary!: string;
  /** 裁量基准 The benchmark the proposal applies and the check's result; null = none named. */
  @Property({ type: 'jsonb', nullable: true })
  discretion: ProposalDiscretion | null = null;

  @Property({ type: 'jsonb' })
  checklist!: ChecklistAnswer[];

  @Property({ type: 'uuid', nullable: true })
  reviewerId: string | null = null;
  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;
  @Property({ type: 'text', nullable: true })
  reviewerOpinion: string | null = null;
  @Property({ type: 'date', nullable: true })
  reviewerSignedOn: string | null = null;

  /** Token subject of the countersigner: a legal reviewer's officer id, or the agency head. */
  @Property({ type: 'text', nullable: true })
  headId: string | null = null;
  @Property({ type: 'text', nullable: true })
  headOpinion: string | null = null;
  @Property({ type: 'date', nullable: true })
  headSignedOn: string | null = null;
  @Property({ type: 'date', nullable: true })
  returnedOn: string | null = null;

  // 协调决策 Escalation by a disagreeing handler and the leadership's collective decision.
  @Property({ type: 'uuid', nullable: true })
  escalatedBy: string | null = null;
  @Property({ type: 'text', nullable: true })
  escalationReason: string | null = null;
  @Property({ type: 'timestamptz', nullable: true })
  escalatedAt: Date | null = null;
  @Property({ type: 'text', nullable: true })
  escalatedFrom: ReviewStatus | null = null;
  /** Token subject of the agency head who recorded the decision. */
  @Property({ type: 'text', nullable: true })
  coordinationDecidedBy: string | null = null;
  @Property({ type: 'text', nullable: true })
  coordinationDecision: string | null = null;
  @Property({ type: 'date', nullable: true })
  coordinationMeetingOn: string | null = null;
  @Property({ type: 'text', nullable: true })
  coordinationParticipants: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  overdueReportedAt: Date | null = null;
  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
