import { Field, ID, InputType } from 'type-graphql';

import { ComplaintKind, ComplaintStatus } from './enums.js';

@InputType({ description: '投诉举报 A complaint or report about an agency’s enforcement (no account needed)' })
export class SubmitComplaintInput {
  @Field(() => ComplaintKind, { nullable: true, description: '类型 Complaint (default) or report' })
  kind?: ComplaintKind | null;
  @Field(() => ID, { description: '被投诉机关 The agency (required)' })
  agencyId!: string;
  @Field(() => ID, { nullable: true, description: '被投诉人员 The officer, if known (see publicOfficers)' })
  officerId?: string | null;
  @Field(() => String, { nullable: true, description: '案件编号 The case number, if known (≤ 64 characters)' })
  caseNumber?: string | null;
  @Field({ description: '事由 Subject (≤ 200 characters)' })
  subject!: string;
  @Field({ description: '内容 What happened (≤ 5,000 characters)' })
  content!: string;
  @Field(() => Boolean, { nullable: true, description: '匿名 Anonymous (reports only: then no name, phone or ID)' })
  anonymous?: boolean | null;
  @Field(() => String, { nullable: true, description: '姓名 Name (required unless anonymous)' })
  name?: string | null;
  @Field(() => String, { nullable: true, description: '联系电话 Phone (required unless anonymous)' })
  phone?: string | null;
  @Field(() => String, { nullable: true, description: '身份证号码 ID number (optional)' })
  idNumber?: string | null;
}

@InputType({ description: '投诉举报筛选 Which complaints to list' })
export class ComplaintFilterInput {
  @Field(() => ComplaintStatus, { nullable: true, description: '状态 Only this status' })
  status?: ComplaintStatus | null;
  @Field(() => ID, { nullable: true, description: '被投诉机关 Only this agency' })
  agencyId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '逾期 Only those past their due day and not answered' })
  overdue?: boolean | null;
}
