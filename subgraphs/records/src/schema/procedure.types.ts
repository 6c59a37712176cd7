import './enums.js';

import { DateScalar, DateTimeScalar, DecimalScalar, PenaltyKind } from '@tsp/shared';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';

import { AttachmentInput } from './inputs.js';
import { Officer } from './types.js';

@ObjectType({ description: '行政处罚事先告知 A prior notice served on the party (行政处罚法第四十四条)' })
export class PriorNotice {
  @Field(() => ID, { description: '告知标识 Notice id' })
  id!: string;
  @Field(() => ID, { description: '对应的执法记录 The PRIOR_NOTICE entry' })
  entryId!: string;
  @Field(() => [PenaltyKind], { description: '拟处罚种类 Intended penalty kinds' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '拟罚款金额 Intended fine' })
  fineAmount!: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '拟没收金额 Intended confiscation' })
  confiscationAmount!: string | null;
  @Field({ description: '违法事实 Facts' })
  facts!: string;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '是否告知听证权利 Hearing offered (行政处罚法第六十三条)' })
  hearingOffered!: boolean;
  @Field(() => Int, { description: '陈述申辩期限（工作日） Statement-and-defence period in working days' })
  statementWorkingDays!: number;
  @Field(() => DateTimeScalar, { description: '送达时间 When it was served on the party' })
  servedAt!: Date;
}

@ObjectType({ description: '听证 A hearing held (行政处罚法第六十四条)' })
export class CaseHearing {
  @Field(() => ID, { description: '听证标识 Hearing id' })
  id!: string;
  @Field(() => ID, { description: '对应的执法记录 The HEARING entry' })
  entryId!: string;
  @Field(() => Officer, { description: '听证主持人 Chair (not an investigator of the case)' })
  chair!: Officer;
  @Field(() => DateTimeScalar, { description: '举行时间 Held at' })
  heldAt!: Date;
  @Field(() => DateScalar, {
    nullable: true,
    description: '听证通知日期 Day the party was told of it (latest HEARING_NOTICE before it); null if none',
  })
  noticeServedOn!: string | null;
  @Field({ description: '是否制作听证笔录 Has its written record' })
  recorded!: boolean;
}

@ObjectType({
  description:
    "告知、陈述申辩与听证 What the record shows of the party's procedural rights (行政处罚法第四十四至六十五条)",
})
export class CaseProcedure {
  @Field(() => PriorNotice, {
    nullable: true,
    description: '最近一次事先告知 Latest prior notice (supersedes earlier ones)',
  })
  notice!: PriorNotice | null;
  @Field(() => DateScalar, { nullable: true, description: '陈述申辩期限届满日 Last day to state and defend' })
  statementDueOn!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '听证申请期限届满日 Last day to ask for a hearing (5 working days); null when none was offered',
  })
  hearingRequestDueOn!: string | null;
  @Field(() => DateScalar, {
    nullable: true,
    description: '放弃陈述申辩日期 Day the party waived (first WAIVER after the notice)',
  })
  waivedOn!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '申请听证日期 Day the party asked for a hearing' })
  hearingRequestedOn!: string | null;
  @Field(() => CaseHearing, { nullable: true, description: '最近一次听证 Latest hearing' })
  hearing!: CaseHearing | null;
}

@ObjectType({ description: "程序期限 An agency's procedural periods, in working days (行政处罚法第八十五条)" })
export class ProcedureSettings {
  @Field(() => Int, { description: '陈述申辩期限 Statement-and-defence period (the agency sets it, 3–15)' })
  statementWorkingDays!: number;
  @Field(() => Int, { description: '听证申请期限 Hearing request window (§64(一), 5)' })
  hearingRequestWorkingDays!: number;
  @Field(() => Int, { description: '听证通知提前期 Notice of a hearing ahead of it (§64(二), 7)' })
  hearingNoticeWorkingDays!: number;
}

@InputType({ description: '送达事先告知书 Serve the prior notice of an intended penalty' })
export class ServePriorNoticeInput {
  @Field(() => ID, { description: '案件 Case (PENALTY)' })
  caseId!: string;
  @Field(() => [PenaltyKind], { description: '拟处罚种类 Intended penalty kinds (at least one)' })
  penaltyKinds!: PenaltyKind[];
  @Field(() => DecimalScalar, { nullable: true, description: '拟罚款金额 Intended fine' })
  fineAmount?: string | null;
  @Field(() => DecimalScalar, { nullable: true, description: '拟没收金额 Intended confiscation' })
  confiscationAmount?: string | null;
  @Field({ description: '违法事实与理由 Facts and reasons' })
  facts!: string;
  @Field({ description: '法律依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '是否告知听证权利 Offer a hearing (required for §63 penalties)' })
  hearingOffered!: boolean;
  @Field(() => DateTimeScalar, { description: '送达时间 When the party received it' })
  servedAt!: Date;
  @Field(() => [ID], { description: '送达人员 Officers who served it' })
  officerIds!: string[];
  @Field(() => String, { nullable: true, description: '记录摘要 Summary of the entry (default: the terms)' })
  summary?: string | null;
  @Field(() => [AttachmentInput], { nullable: true, description: '附件（如事先告知书、送达回证） Attachments' })
  attachments?: AttachmentInput[] | null;
}

@InputType({ description: '记录听证 Record a hearing held' })
export class RecordHearingInput {
  @Field(() => ID, { description: '案件 Case' })
  caseId!: string;
  @Field(() => ID, { description: '听证主持人 Chair (an officer who did not investigate the case)' })
  chairOfficerId!: string;
  @Field(() => [ID], { description: '其他参加的执法人员 Other officers present (investigators state the case)' })
  officerIds!: string[];
  @Field(() => DateTimeScalar, { description: '举行时间 When it was held' })
  heldAt!: Date;
  @Field({ description: '听证情况摘要 Summary' })
  summary!: string;
  @Field(() => [AttachmentInput], {
    description: '附件，须含听证笔录（TEXT_DOCUMENT） Attachments, the record included',
  })
  attachments!: AttachmentInput[];
}
