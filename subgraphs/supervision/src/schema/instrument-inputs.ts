import { DateTimeScalar, FindingKind } from '@tsp/shared';
import { Field, ID, InputType, Int } from 'type-graphql';

import { InstrumentKind, InstrumentStatus, NoticeKind } from './instrument-enums.js';

@InputType({ description: '监督发现引用 A finding the instrument follows up' })
export class FindingRefInput {
  @Field(() => FindingKind, { description: '发现类型 Kind of the finding' })
  kind!: FindingKind;
  @Field({ description: '发现对象 The finding’s subjectId (≤ 100 characters)' })
  subjectId!: string;
}

@InputType({ description: '制发监督文书 A supervision opinion or decision to an agency' })
export class IssueSupervisionInstrumentInput {
  @Field(() => InstrumentKind, { description: '类型 Opinion or decision' })
  kind!: InstrumentKind;
  @Field(() => ID, { description: '被监督机关 The agency addressed' })
  agencyId!: string;
  @Field({ description: '事由 Subject (≤ 200 characters)' })
  subject!: string;
  @Field({ description: '发现的问题 What the bureau found (≤ 10,000 characters)' })
  findings!: string;
  @Field({ description: '整改要求 What the agency is to do (≤ 5,000 characters)' })
  requirements!: string;
  @Field({ description: '法律依据 Legal basis (≤ 1,000 characters)' })
  legalBasis!: string;
  @Field(() => Int, {
    nullable: true,
    description:
      '回复期限（工作日） Working days for the response, 5–30 (default 15 for an opinion, 10 for a decision)',
  })
  responseWorkingDays?: number | null;
  @Field(() => [ID], { nullable: true, description: '涉及案件 Case ids concerned (≤ 50)' })
  caseIds?: string[] | null;
  @Field(() => [FindingRefInput], { nullable: true, description: '涉及监督发现 Findings followed up (≤ 50)' })
  findingRefs?: FindingRefInput[] | null;
}

@InputType({ description: '监督文书筛选 Which instruments to list' })
export class SupervisionInstrumentFilterInput {
  @Field(() => InstrumentKind, { nullable: true, description: '类型 Only this kind' })
  kind?: InstrumentKind | null;
  @Field(() => InstrumentStatus, { nullable: true, description: '状态 Only this status' })
  status?: InstrumentStatus | null;
  @Field(() => ID, { nullable: true, description: '被监督机关 Only this agency' })
  agencyId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '逾期 Only those waiting past their due day' })
  overdue?: boolean | null;
}

@InputType({ description: '约谈记录 The record of an interview with an agency’s responsible persons' })
export class RecordSupervisionInterviewInput {
  @Field(() => ID, { description: '被约谈机关 The agency interviewed' })
  agencyId!: string;
  @Field(() => DateTimeScalar, { description: '约谈时间 When it was held (not in the future)' })
  heldAt!: Date;
  @Field({ description: '被约谈人 Names and positions (≤ 2,000 characters)' })
  interviewees!: string;
  @Field({ description: '约谈事由 Why (≤ 5,000 characters)' })
  reasons!: string;
  @Field({ description: '约谈记录 What was said (≤ 20,000 characters)' })
  record!: string;
  @Field({ description: '后续要求 Follow-up required (≤ 5,000 characters; may be empty)' })
  followUp!: string;
  @Field(() => [String], { nullable: true, description: '附件 Attachment references (≤ 20, each ≤ 500 characters)' })
  attachments?: string[] | null;
}

@InputType({ description: '通报 A public notice naming agencies' })
export class PublishSupervisionNoticeInput {
  @Field({ description: '标题 Title (≤ 200 characters)' })
  title!: string;
  @Field({ description: '正文 Body (≤ 20,000 characters)' })
  body!: string;
  @Field(() => [ID], { description: '涉及机关 The agencies named, of one region (1–50)' })
  agencyIds!: string[];
  @Field(() => NoticeKind, { description: '类型 Commendation or criticism' })
  kind!: NoticeKind;
}
