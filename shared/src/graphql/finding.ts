import { Directive, Field, ID, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { DateTimeScalar } from './scalars.js';
import { EnforcementCategory } from './enums.js';

/** Supervision finding kinds (domain.md §5); each subgraph reports the kinds it owns. */
export enum FindingKind {
  REVIEWER_STAFFING_BELOW_MINIMUM = 'REVIEWER_STAFFING_BELOW_MINIMUM',
  CREDENTIAL_EXPIRING = 'CREDENTIAL_EXPIRING',
  NO_TRAINING_LAST_YEAR = 'NO_TRAINING_LAST_YEAR',
  ACTION_WITHOUT_VALID_CREDENTIAL = 'ACTION_WITHOUT_VALID_CREDENTIAL',
  CASE_OVERDUE = 'CASE_OVERDUE',
  AUDIO_VISUAL_MISSING = 'AUDIO_VISUAL_MISSING',
  JOURNAL_NOT_INTACT = 'JOURNAL_NOT_INTACT',
  MAJOR_DECISION_WITHOUT_REVIEW = 'MAJOR_DECISION_WITHOUT_REVIEW',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  PUBLICATION_OVERDUE = 'PUBLICATION_OVERDUE',
  WITHDRAWAL_OVERDUE = 'WITHDRAWAL_OVERDUE',
  WITHDRAWN_STILL_VISIBLE = 'WITHDRAWN_STILL_VISIBLE',
  ANNUAL_REPORT_MISSING = 'ANNUAL_REPORT_MISSING',
}
registerEnumType(FindingKind, { name: 'FindingKind', description: '监督发现类型 Kind of supervision finding' });

/** Plain data a subgraph's rules produce; the GraphQL type below serializes it. */
export interface Finding {
  kind: FindingKind;
  /** A federation reference: `{ id }` resolves to the Agency through personnel. */
  agency: { id: string };
  subjectId: string;
  detail: string;
  since: Date;
  category?: EnforcementCategory | null;
}

/**
 * 监督发现 The shared (@shareable) finding type. Each subgraph calls this once with its own
 * `Agency` entity class, so `agency` resolves through federation like any other reference.
 */
export function findingType(agency: ClassType) {
  @Directive('@shareable')
  @ObjectType('SupervisionFinding', { description: '监督发现 Supervision finding' })
  class SupervisionFinding {
    @Field(() => FindingKind, { description: '类型 Kind' })
    kind!: FindingKind;

    @Field(() => agency, { description: '所属机关 Agency concerned' })
    agency!: { id: string };

    @Field(() => ID, { description: '对象标识 Id of the subject (case, review, officer, publication…)' })
    subjectId!: string;

    @Field({ description: '说明 What is wrong, readable' })
    detail!: string;

    @Field(() => DateTimeScalar, { description: '起始时间 Since when it is wrong' })
    since!: Date;

    @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 Category, where the subject has one' })
    category?: EnforcementCategory | null;
  }
  return SupervisionFinding;
}
