import { connectionType, DateScalar, DateTimeScalar, ENTITY_DESCRIPTIONS, findingType } from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { ComplaintKind, ComplaintStatus } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Officer })
export class Officer {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

export const SupervisionFinding = findingType(Agency);

@ObjectType({ description: '投诉人 The complainant (the justice bureau only)' })
export class Complainant {
  @Field(() => String, { nullable: true, description: '姓名 Name' })
  name!: string | null;
  @Field(() => String, { nullable: true, description: '联系电话 Phone' })
  phone!: string | null;
  @Field(() => String, { nullable: true, description: '身份证号码 ID number, when given' })
  idNumber!: string | null;
}

@ObjectType({
  description: '投诉举报 A complaint or report about an agency’s enforcement, as the bureau and the agency see it',
})
export class Complaint {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ComplaintKind, { description: '类型 Complaint or report' })
  kind!: ComplaintKind;
  @Field(() => Agency, { description: '被投诉机关 The agency complained about' })
  agency!: { id: string };
  @Field(() => Officer, { nullable: true, description: '被投诉人员 The officer complained about, if named' })
  officer!: { id: string } | null;
  @Field(() => String, { nullable: true, description: '案件编号 The case number, if named' })
  caseNumber!: string | null;
  @Field({ description: '事由 Subject' })
  subject!: string;
  @Field({ description: '内容 What happened' })
  content!: string;
  @Field({ description: '是否匿名 Anonymous report' })
  anonymous!: boolean;
  @Field(() => Complainant, {
    nullable: true,
    description: '投诉人 Who complained: the justice bureau only (null for the agency, and when anonymous)',
  })
  complainant!: Complainant | null;
  @Field(() => ComplaintStatus, { description: '状态 Status' })
  status!: ComplaintStatus;
  @Field(() => DateTimeScalar, { description: '提交时间 Submitted at' })
  submittedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '受理审查时间 Accepted or rejected at' })
  triagedAt!: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      '审查意见 The bureau’s note at triage (the bureau only; a rejection’s reason is told to the complainant)',
  })
  triageNote!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '交办时间 Sent to the agency at (last time)' })
  assignedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: '答复期限 The agency’s answer is due by this day' })
  dueOn!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间 Answered at' })
  answeredAt!: Date | null;
  @Field(() => String, { nullable: true, description: '机关答复 The agency’s answer' })
  answer!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间 Concluded at' })
  closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '办理结论 The bureau’s conclusion' })
  conclusion!: string | null;
  @Field(() => Boolean, { nullable: true, description: '是否属实 Whether the bureau found the complaint founded' })
  upheld!: boolean | null;
  @Field(() => Int, { description: '重新办理次数 Times the bureau sent it back after an answer' })
  reopenCount!: number;
  @Field(() => String, { nullable: true, description: '重新办理理由 Why it was last sent back' })
  reopenReason!: string | null;
}

export const ComplaintConnection = connectionType(Complaint, 'Complaint', '投诉举报');

@ObjectType({ description: '投诉举报回执 What the complainant gets on submission' })
export class ComplaintReceipt {
  @Field(() => String, {
    nullable: true,
    description:
      '查询码 The receipt code to follow the complaint: shown once, keep it (null when a repeated Idempotency-Key answers)',
  })
  receiptCode!: string | null;
  @Field(() => ComplaintStatus, { description: '状态 Status' })
  status!: ComplaintStatus;
  @Field(() => DateTimeScalar, { description: '提交时间 Submitted at' })
  submittedAt!: Date;
}

@ObjectType({ description: '投诉举报办理进度 What the receipt code shows: state, dates, answer and conclusion' })
export class ComplaintProgress {
  @Field(() => ComplaintKind, { description: '类型 Complaint or report' })
  kind!: ComplaintKind;
  @Field(() => Agency, { description: '被投诉机关 The agency complained about' })
  agency!: { id: string };
  @Field({ description: '事由 Subject, as submitted' })
  subject!: string;
  @Field(() => ComplaintStatus, { description: '状态 Status' })
  status!: ComplaintStatus;
  @Field(() => DateTimeScalar, { description: '提交时间 Submitted at' })
  submittedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '受理审查时间 Accepted or rejected at' })
  triagedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '不予受理理由 Why it was not accepted' })
  rejectionReason!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '交办时间 Sent to the agency at' })
  assignedAt!: Date | null;
  @Field(() => DateScalar, { nullable: true, description: '答复期限 The agency’s answer is due by this day' })
  dueOn!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '答复时间 Answered at' })
  answeredAt!: Date | null;
  @Field(() => String, { nullable: true, description: '机关答复 The agency’s answer, once given' })
  answer!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '办结时间 Concluded at' })
  closedAt!: Date | null;
  @Field(() => String, { nullable: true, description: '办理结论 The justice bureau’s conclusion, once given' })
  conclusion!: string | null;
  @Field(() => Boolean, { nullable: true, description: '是否属实 Whether the complaint was found founded' })
  upheld!: boolean | null;
}
