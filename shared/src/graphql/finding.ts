import { type ClassType, Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

import { EnforcementCategory } from './enums.js';
import { DateTimeScalar } from './scalars.js';

/** Supervision finding kinds (行政执法监督: what the justice bureau is shown); each subgraph reports the kinds it owns. */
export enum FindingKind {
  REVIEWER_STAFFING_BELOW_MINIMUM = 'REVIEWER_STAFFING_BELOW_MINIMUM',
  CREDENTIAL_EXPIRING = 'CREDENTIAL_EXPIRING',
  NO_TRAINING_LAST_YEAR = 'NO_TRAINING_LAST_YEAR',
  ACTION_WITHOUT_VALID_CREDENTIAL = 'ACTION_WITHOUT_VALID_CREDENTIAL',
  CASE_OVERDUE = 'CASE_OVERDUE',
  SERVICE_OVERDUE = 'SERVICE_OVERDUE',
  LICENSING_ACCEPTANCE_OVERDUE = 'LICENSING_ACCEPTANCE_OVERDUE',
  LICENSING_DECISION_OVERDUE = 'LICENSING_DECISION_OVERDUE',
  AUDIO_VISUAL_MISSING = 'AUDIO_VISUAL_MISSING',
  JOURNAL_NOT_INTACT = 'JOURNAL_NOT_INTACT',
  MAJOR_DECISION_WITHOUT_REVIEW = 'MAJOR_DECISION_WITHOUT_REVIEW',
  REVIEW_OVERDUE = 'REVIEW_OVERDUE',
  PUBLICATION_OVERDUE = 'PUBLICATION_OVERDUE',
  WITHDRAWAL_OVERDUE = 'WITHDRAWAL_OVERDUE',
  WITHDRAWN_STILL_VISIBLE = 'WITHDRAWN_STILL_VISIBLE',
  ANNUAL_REPORT_MISSING = 'ANNUAL_REPORT_MISSING',
  INSPECTION_WITHOUT_APPROVAL = 'INSPECTION_WITHOUT_APPROVAL',
  INSPECTION_OUTSIDE_ITEMS = 'INSPECTION_OUTSIDE_ITEMS',
  INSPECTION_OVER_CAP = 'INSPECTION_OVER_CAP',
  INSPECTIONS_NOT_JOINED = 'INSPECTIONS_NOT_JOINED',
  INSPECTION_POORLY_RATED = 'INSPECTION_POORLY_RATED',
  INSPECTION_OUTCOME_OVERDUE = 'INSPECTION_OUTCOME_OVERDUE',
  DECISION_WITHOUT_NOTICE = 'DECISION_WITHOUT_NOTICE',
  HEARING_DENIED = 'HEARING_DENIED',
  DISCRETION_DEPARTURE = 'DISCRETION_DEPARTURE',
  DECISION_OVERTURNED = 'DECISION_OVERTURNED',
  COMPLAINT_OVERDUE = 'COMPLAINT_OVERDUE',
  COMPLAINT_REOPENED = 'COMPLAINT_REOPENED',
  CASE_FILE_FAILED = 'CASE_FILE_FAILED',
  SUPERVISION_RESPONSE_OVERDUE = 'SUPERVISION_RESPONSE_OVERDUE',
}
registerEnumType(FindingKind, {
  name: 'FindingKind',
  description: '监督发现类型 Kind of supervision finding',
  valuesConfig: {
    REVIEWER_STAFFING_BELOW_MINIMUM: {
      description: '法制审核人员不足 Fewer legal reviewers than 5% of enforcement officers (and at least 1)',
    },
    CREDENTIAL_EXPIRING: { description: '执法证件即将到期 A valid credential expires within 30 days' },
    NO_TRAINING_LAST_YEAR: { description: '上年度无培训 An officer has no training hours last year' },
    ACTION_WITHOUT_VALID_CREDENTIAL: {
      description: '无有效证件执法 A recorded action by an officer without a valid credential (持证上岗)',
    },
    CASE_OVERDUE: { description: '案件超期未决 A penalty case undecided past its deadline (90 days, 行政处罚法 §60)' },
    SERVICE_OVERDUE: {
      description:
        '送达超期 A penalty decision not served by its due date (on the spot if the party was present, else 7 working days, 行政处罚法 §61, §85)',
    },
    LICENSING_ACCEPTANCE_OVERDUE: {
      description:
        '受理超期 A licensing application not accepted, refused or answered with the missing materials within 5 working days of receipt (行政许可法 §32, §82)',
    },
    LICENSING_DECISION_OVERDUE: {
      description:
        '许可决定超期 A licensing case undecided 20 working days after acceptance, or after receipt when acceptance was late or never recorded, plus an approved extension of at most 10 (行政许可法 §32, §42, §82)',
    },
    AUDIO_VISUAL_MISSING: {
      description: "音像记录缺失 A record lacks the audio-visual record the agency's list requires",
    },
    JOURNAL_NOT_INTACT: {
      description: "记录日志校验失败 A case's journal fails verification: entries altered or deleted",
    },
    MAJOR_DECISION_WITHOUT_REVIEW: {
      description: '重大决定未经法制审核 A major decision made without a passed legal review',
    },
    REVIEW_OVERDUE: { description: "法制审核超期 A legal review past the agency's time limit" },
    PUBLICATION_OVERDUE: {
      description:
        '逾期未公示 A decision not published in time (7 working days for licensing and penalty, 20 otherwise)',
    },
    WITHDRAWAL_OVERDUE: {
      description: '逾期未撤回 A changed or revoked decision still published after 3 working days (行政处罚法 §48)',
    },
    WITHDRAWN_STILL_VISIBLE: {
      description: '撤回后仍公开 A withdrawn, expired or unpublishable decision still on the public list',
    },
    ANNUAL_REPORT_MISSING: { description: "年度数据未公开 Last year's enforcement totals not published by 31 January" },
    INSPECTION_WITHOUT_APPROVAL: {
      description: "未经批准检查 An inspection started without the agency head's approval, or approved too late",
    },
    INSPECTION_OUTSIDE_ITEMS: { description: '清单外检查 An inspection of items not on the published list' },
    INSPECTION_OVER_CAP: { description: "超频次检查 A visit over the region's frequency caps for one enterprise" },
    INSPECTIONS_NOT_JOINED: {
      description: '多头检查 One enterprise visited separately by several agencies within 30 days: suggest 综合查一次',
    },
    INSPECTION_POORLY_RATED: { description: '企业差评 The enterprise rated the visit 2 or less of 5' },
    INSPECTION_OUTCOME_OVERDUE: { description: '检查结果逾期 No outcome 5 working days after the visit started' },
    DECISION_WITHOUT_NOTICE: {
      description:
        '未告知即处罚 A penalty decision made without a prior notice, before the defence period ended, or heavier than the notice announced (行政处罚法 §44, §45, §62; legacy imports)',
    },
    HEARING_DENIED: {
      description:
        '听证权利未保障 A heavy penalty whose notice offered no hearing, or a requested hearing not properly held (行政处罚法 §63–§65; legacy imports)',
    },
    DISCRETION_DEPARTURE: {
      description:
        '偏离裁量基准 A decision outside its benchmark tier, or a penalty where 轻微不罚 / 首违不罚 applied — with its reason and review, or imported (国办发〔2022〕27号)',
    },
    DECISION_OVERTURNED: {
      description:
        '决定被纠错 A decision changed, revoked, confirmed unlawful or confirmed void on reconsideration or in court (行政复议法 §63–§67, 行政诉讼法 §70, §74, §75, §77)',
    },
    COMPLAINT_OVERDUE: {
      description: '投诉举报办理逾期 A complaint assigned to the agency and not answered by its due day (working days)',
    },
    COMPLAINT_REOPENED: {
      description: '投诉举报重新办理 A complaint the justice bureau sent back to the agency after its answer',
    },
    CASE_FILE_FAILED: {
      description:
        '案卷评查不合格 A case file graded 不合格 in the bureau’s case-file evaluation (< 60 points, or a veto failed)',
    },
    SUPERVISION_RESPONSE_OVERDUE: {
      description:
        '监督文书逾期未回复 A supervision opinion or decision (监督意见书、监督决定书) not answered by its due day (working days)',
    },
  },
});

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
