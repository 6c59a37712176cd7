import { connectionType, DateScalar, DateTimeScalar, FindingKind } from '@tsp/shared';
import { Field, ID, Int, ObjectType } from 'type-graphql';

import { InstrumentAction, InstrumentKind, InstrumentStatus, NoticeKind } from './instrument-enums.js';
import { Agency } from './types.js';

@ObjectType({ description: '监督发现引用 A finding an instrument follows up' })
export class SupervisionFindingRef {
  @Field(() => FindingKind, { description: '发现类型 Kind of the finding' })
  kind!: FindingKind;
  @Field({ description: '发现对象 The finding’s subjectId' })
  subjectId!: string;
}

@ObjectType({ description: '监督文书办理步骤 One step on an instrument, earlier responses included' })
export class SupervisionInstrumentStep {
  @Field(() => InstrumentAction, { description: '步骤 What was done' })
  action!: InstrumentAction;
  @Field(() => DateTimeScalar, { description: '时间 When' })
  at!: Date;
  @Field(() => String, { nullable: true, description: '内容 The response, or the bureau’s note' })
  text!: string | null;
  @Field(() => String, { nullable: true, description: '整改措施 The measures reported with a response' })
  measures!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '回复期限 The due day the step set' })
  dueOn!: string | null;
}

@ObjectType({
  description:
    '监督文书 A supervision opinion (监督意见书) or decision (监督决定书) of the justice bureau to an agency (行政执法监督条例)',
})
export class SupervisionInstrument {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => InstrumentKind, { description: '类型 Opinion or decision' })
  kind!: InstrumentKind;
  @Field(() => Agency, { description: '被监督机关 The agency addressed' })
  agency!: { id: string };
  @Field({ description: '地区 Region' })
  region!: string;
  @Field({ description: '事由 Subject' })
  subject!: string;
  @Field({ description: '发现的问题 What the bureau found' })
  findings!: string;
  @Field({ description: '整改要求 What the agency is to do' })
  requirements!: string;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field(() => [ID], { description: '涉及案件 Case ids concerned' })
  caseIds!: string[];
  @Field(() => [SupervisionFindingRef], { description: '涉及监督发现 Findings followed up' })
  findingRefs!: SupervisionFindingRef[];
  @Field(() => Int, { description: '回复期限（工作日） Working days given for each response' })
  responseWorkingDays!: number;
  @Field(() => InstrumentStatus, { description: '状态 Status' })
  status!: InstrumentStatus;
  @Field(() => DateTimeScalar, { description: '制发时间 Issued at' })
  issuedAt!: Date;
  @Field(() => DateScalar, { description: '回复期限 The response is due by this day (reset when sent back)' })
  dueOn!: string;
  @Field({ description: '逾期 Waiting for the agency past its due day' })
  overdue!: boolean;
  @Field(() => String, { nullable: true, description: '回复 The agency’s latest response' })
  response!: string | null;
  @Field(() => String, { nullable: true, description: '整改措施 The measures the agency reported' })
  measures!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '回复时间 Responded at (latest)' })
  respondedAt!: Date | null;
  @Field(() => Int, { description: '退回次数 Times the bureau did not accept the response' })
  returnCount!: number;
  @Field(() => String, { nullable: true, description: '退回意见 Why the response was last sent back' })
  returnNote!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间 Closed at' })
  closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '办结意见 The bureau’s note on closing' })
  closeNote!: string | null;
}

export const SupervisionInstrumentConnection = connectionType(
  SupervisionInstrument,
  'SupervisionInstrument',
  '监督文书',
);

@ObjectType({ description: '约谈记录 An interview of an agency’s responsible persons by the justice bureau' })
export class SupervisionInterview {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => Agency, { description: '被约谈机关 The agency interviewed' })
  agency!: { id: string };
  @Field(() => DateTimeScalar, { description: '约谈时间 Held at' })
  heldAt!: Date;
  @Field({ description: '被约谈人 Names and positions' })
  interviewees!: string;
  @Field({ description: '约谈事由 Why' })
  reasons!: string;
  @Field({ description: '约谈记录 What was said' })
  record!: string;
  @Field({ description: '后续要求 Follow-up required' })
  followUp!: string;
  @Field(() => [String], { description: '附件 Attachment references' })
  attachments!: string[];
  @Field(() => DateTimeScalar, { description: '记录时间 Recorded at' })
  recordedAt!: Date;
}

@ObjectType({
  description:
    '通报原件 A notice as the justice bureau wrote it, unmasked, with its withdrawal: the bureau’s register (the public reads disclosure’s masked SupervisionNotice)',
})
export class SupervisionNoticeRecord {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '地区 Region' })
  region!: string;
  @Field(() => NoticeKind, { description: '类型 Commendation or criticism' })
  kind!: NoticeKind;
  @Field({ description: '标题 Title as written' })
  title!: string;
  @Field({ description: '正文 Body as written (unmasked; the public copy is masked by disclosure)' })
  body!: string;
  @Field(() => [Agency], { description: '涉及机关 The agencies named' })
  agencies!: { id: string }[];
  @Field(() => DateTimeScalar, { description: '发布时间 Published at' })
  publishedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '撤回时间 Withdrawn at' })
  withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true, description: '撤回理由 Why it was withdrawn' })
  withdrawalReason!: string | null;
}

export const SupervisionNoticeRecordConnection = connectionType(
  SupervisionNoticeRecord,
  'SupervisionNoticeRecord',
  '通报原件',
);

@ObjectType({ description: '内部：通报原文 Internal: a notice as written, for disclosure to mask and publish' })
export class SupervisionNoticeText {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '地区 Region' })
  region!: string;
  @Field(() => NoticeKind, { description: '类型 Commendation or criticism' })
  kind!: NoticeKind;
  @Field({ description: '标题 Title as written' })
  title!: string;
  @Field({ description: '正文 Body as written' })
  body!: string;
  @Field(() => [ID], { description: '涉及机关 Ids of the agencies named' })
  agencyIds!: string[];
  @Field(() => DateTimeScalar, { description: '发布时间 Published at' })
  publishedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '撤回时间 Withdrawn at' })
  withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true, description: '撤回理由 Why it was withdrawn' })
  withdrawalReason!: string | null;
}
