import { connectionType, DateScalar, DateTimeScalar, ENTITY_DESCRIPTIONS, findingType } from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { CodeState, InspectionKind, InspectionOutcome, InspectionStatus } from './enums.js';
import { Agency, Enterprise, InspectionItem } from './types.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EnforcementCase })
export class EnforcementCase {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

export const SupervisionFinding = findingType(Agency);

@ObjectType({ description: '检查人员 An officer of the team, with the public data of the credential shown' })
export class InspectionOfficer {
  @Field({ description: '姓名 Name' })
  name!: string;
  @Field(() => String, { nullable: true, description: '执法证号 Credential number (verify with verifyCredential)' })
  credentialNumber!: string | null;
  @Field(() => Agency, { description: '所在机关 Agency' })
  agency!: { id: string };
}

@ObjectType({ description: '被检查企业 An enterprise of the inspection, with its code and its rating' })
export class InspectionTarget {
  @Field(() => Enterprise, { nullable: true, description: '企业 The enterprise' })
  enterprise!: Enterprise | null;
  @Field(() => String, {
    nullable: true,
    description: '检查码 The code shown to the enterprise (staff of the inspecting agencies only)',
  })
  code!: string | null;
  @Field(() => String, { nullable: true, description: '二维码内容 The URL the QR code carries (same readers)' })
  qrPayload!: string | null;
  @Field(() => Int, { nullable: true, description: '企业评分 The enterprise’s score, 1–5' })
  score!: number | null;
  @Field(() => String, {
    nullable: true,
    description: '企业意见 The enterprise’s comment (the inspecting agencies, the supervisor, admin)',
  })
  comment!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '评价时间 Rated at' })
  ratedAt!: Date | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '涉企行政检查 An inspection of one or more enterprises (agency staff, the supervisor)' })
export class Inspection {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => Agency, { description: '牵头机关 Lead agency' })
  agency!: { id: string };
  @Field(() => [Agency], { description: '联合检查机关 Partner agencies of a joint inspection' })
  partnerAgencies!: { id: string }[];
  @Field(() => InspectionKind, { description: '检查类型 Kind' })
  kind!: InspectionKind;
  @Field({ description: '情况紧急 Urgent: started before approval' })
  urgent!: boolean;
  @Field({ description: '检查缘由 Why' })
  reason!: string;
  @Field(() => InspectionStatus, { description: '状态 Status' })
  status!: InspectionStatus;
  @Field(() => DateScalar, { description: '检查期限起 First day of the window' })
  validFrom!: string;
  @Field(() => DateScalar, { description: '检查期限止 Last day of the window' })
  validUntil!: string;
  @Field(() => [InspectionOfficer], { description: '检查人员 The team as last checked' })
  officers!: InspectionOfficer[];
  @Field(() => [InspectionItem], { description: '检查事项 Items inspected' })
  items!: InspectionItem[];
  @Field(() => [InspectionTarget], { description: '被检查企业 Enterprises' })
  targets!: InspectionTarget[];
  @Field(() => DateTimeScalar, { description: '制定时间 Planned at' })
  plannedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true, description: '批准时间 Approved by the agency head at' })
  approvedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '实施时间 Started at' })
  startedAt!: Date | null;
  @Field(() => EnforcementCase, {
    nullable: true,
    description: '全过程记录案件 The records case (INSPECTION) holding the visit’s full-process records',
  })
  recordsCase!: { id: string } | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '结束时间 Finished at' })
  finishedAt!: Date | null;
  @Field(() => InspectionOutcome, { nullable: true, description: '检查结果 Outcome' })
  outcome!: InspectionOutcome | null;
  @Field(() => String, { nullable: true, description: '结果说明 What was found, ordered or decided' })
  outcomeNote!: string | null;
  @Field(() => EnforcementCase, { nullable: true, description: '立案案件 The case opened from the visit' })
  outcomeCase!: { id: string } | null;
  @Field(() => String, { nullable: true, description: '取消理由 Why it was cancelled' })
  cancelReason!: string | null;
}

export const InspectionConnection = connectionType(Inspection, 'Inspection', '涉企行政检查');

@ObjectType({
  description:
    '检查码核验（公开） What an inspection code proves, for the enterprise that scans it; nothing private (no reason, no ids of officers)',
})
export class InspectionCodeVerification {
  @Field(() => CodeState, { description: '检查码状态 What the code proves today' })
  state!: CodeState;
  @Field(() => InspectionKind, { description: '检查类型 Kind' })
  kind!: InspectionKind;
  @Field(() => Agency, { description: '牵头机关 Lead agency' })
  agency!: { id: string };
  @Field(() => [Agency], { description: '联合检查机关 Partner agencies' })
  partnerAgencies!: { id: string }[];
  @Field({ description: '被检查企业 The enterprise the code was issued to' })
  enterpriseName!: string;
  @Field({ description: '统一社会信用代码 Its credit code' })
  creditCode!: string;
  @Field(() => [InspectionOfficer], { description: '检查人员 Officers and their credential numbers' })
  officers!: InspectionOfficer[];
  @Field(() => [InspectionItem], { description: '检查事项 Items the visit may cover, nothing else' })
  items!: InspectionItem[];
  @Field({ description: '是否已批准 Whether the agency head approved it' })
  approved!: boolean;
  @Field(() => DateTimeScalar, { nullable: true, description: '批准时间 Approved at' })
  approvedAt!: Date | null;
  @Field(() => DateScalar, { description: '检查期限起 First day of the window' })
  validFrom!: string;
  @Field(() => DateScalar, { description: '检查期限止 Last day of the window' })
  validUntil!: string;
  @Field(() => DateTimeScalar, { nullable: true, description: '实施时间 Started at' })
  startedAt!: Date | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '结束时间 Finished at' })
  finishedAt!: Date | null;
  @Field({ description: '是否已评价 Whether this code has rated the visit' })
  rated!: boolean;
}

@ObjectType({ description: '企业评价结果 The rating as recorded' })
export class InspectionRating {
  @Field(() => Int, { description: '评分 Score, 1–5' })
  score!: number;
  @Field(() => DateTimeScalar, { description: '评价时间 Rated at' })
  ratedAt!: Date;
}

@ObjectType({ description: '检查频次上限（公开） The frequency caps in force in a region (public)' })
export class InspectionCaps {
  @Field({ description: '区域 Region' })
  region!: string;
  @Field(() => Int, { description: '每日上限 Visits to one enterprise per day, all agencies' })
  perDay!: number;
  @Field(() => Int, { description: '每周上限 Per calendar week' })
  perWeek!: number;
  @Field(() => Int, { description: '每月上限 Per calendar month' })
  perMonth!: number;
  @Field(() => Int, { description: '年度日常检查上限 Routine and joint visits by one agency per year' })
  routinePerAgencyYear!: number;
}

@ObjectType({ description: '年度计划执行 A line of an annual plan against what was done (public)' })
export class InspectionPlanProgress {
  @Field(() => InspectionItem, { nullable: true, description: '检查事项 Item' })
  item!: { id: string } | null;
  @Field(() => Int, { description: '计划次数 Planned' })
  planned!: number;
  @Field(() => Int, { description: '实施次数 Inspections of the item started in the year' })
  done!: number;
  @Field(() => Number, { nullable: true, description: '完成率（%） Done ÷ planned, in percent' })
  percent!: number | null;
}

@ObjectType({ description: '年度检查计划 An annual plan as saved' })
export class InspectionPlanSaved {
  @Field(() => ID, { description: '执法主体 Agency id' })
  agencyId!: string;
  @Field(() => Int, { description: '年度 Year' })
  year!: number;
}

@ObjectType({ description: '涉企检查事件 An inspection event of the durable log (for integrators)' })
export class InspectionEvent {
  @Field(() => ID, { description: '事件标识 Event id (deliveries repeat it)' })
  id!: string;
  @Field({ description: '类型 InspectionPlanned, InspectionApproved, InspectionStarted, InspectionFinished, …' })
  type!: string;
  @Field(() => DateTimeScalar, { description: '发生时间 Occurred at' })
  occurredAt!: Date;
  @Field({ description: '游标 Resume after this event' })
  cursor!: string;
  @Field(() => Agency, { description: '牵头机关 Lead agency' })
  agency!: { id: string };
  @Field(() => Inspection, {
    nullable: true,
    description: '检查 The inspection (null where the token may not read it)',
  })
  inspection!: { id: string } | null;
  @Field(() => InspectionStatus, { description: '状态 Status after the step' })
  status!: InspectionStatus;
  @Field(() => InspectionOutcome, { nullable: true, description: '检查结果 Outcome (finished)' })
  outcome!: InspectionOutcome | null;
  @Field(() => Int, { nullable: true, description: '评分 Score (InspectionRated)' })
  score!: number | null;
}

export const InspectionEventConnection = connectionType(InspectionEvent, 'InspectionEvent', '涉企检查事件');
