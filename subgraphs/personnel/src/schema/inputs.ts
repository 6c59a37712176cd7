import { DateScalar, EnforcementCategory } from '@tsp/shared';
import { Field, Float, ID, InputType } from 'type-graphql';

import { AgencyKind, OfficerRole } from './enums.js';

@InputType({ description: '新建执法主体 New agency' })
export class CreateAgencyInput {
  @Field({ description: '机关代码 Code (unique)' })
  code!: string;
  @Field({ description: '名称 Name' })
  name!: string;
  @Field(() => AgencyKind, { description: '类型 Kind' })
  kind!: AgencyKind;
  @Field({ description: '区域 Region' })
  region!: string;
  @Field({ defaultValue: false, description: '是否为监督机关 Supervisor (司法局)' })
  isSupervisor!: boolean;
  @Field({ description: '法制机构名称 Legal office name' })
  legalOfficeName!: string;
}

@InputType({ description: '登记执法人员 New officer' })
export class RegisterOfficerInput {
  @Field(() => ID, { description: '所在机关 Agency' })
  agencyId!: string;
  @Field({ description: '姓名 Name' })
  name!: string;
  @Field({ description: '职务 Position' })
  position!: string;
  @Field(() => [OfficerRole], { description: '职责 Duties' })
  roles!: OfficerRole[];
  @Field({ defaultValue: false, description: '法律职业资格 Legal professional qualification' })
  legalProfessionQualified!: boolean;
  @Field(() => String, { nullable: true, description: '身份证号（不公开） ID number, private' })
  idNumber?: string | null;
  @Field(() => String, { nullable: true, description: '电话（不公开） Phone, private' })
  phone?: string | null;
}

@InputType({ description: '发放执法证件 Issue a credential' })
export class IssueCredentialInput {
  @Field(() => ID, { description: '持证人 Officer' })
  officerId!: string;
  @Field({ description: '证号 Number' })
  number!: string;
  @Field(() => [EnforcementCategory], { description: '执法类别 Categories' })
  categories!: EnforcementCategory[];
  @Field(() => [String], { defaultValue: [], description: '执法领域 Fields' })
  fields!: string[];
  @Field({ description: '执法区域 Region' })
  region!: string;
  @Field(() => DateScalar, { description: '发证日期 Issued on' })
  issuedOn!: string;
  @Field(() => DateScalar, { description: '有效期至 Expires on' })
  expiresOn!: string;
  @Field({ description: '发证机关 Issuing authority', defaultValue: '河北省人民政府' })
  issuingAuthority!: string;
}

@InputType({ description: '登记培训 Record training hours' })
export class RecordTrainingInput {
  @Field(() => ID, { description: '人员 Officer' })
  officerId!: string;
  @Field(() => DateScalar, { description: '日期 Day' })
  day!: string;
  @Field(() => Float, { description: '学时 Hours (0.5 steps)' })
  hours!: number;
  @Field({ description: '内容 Topic' })
  topic!: string;
}

@InputType({ description: '工作日历调整 Calendar day to load' })
export class WorkingDayInput {
  @Field(() => DateScalar, { description: '日期 Day' })
  date!: string;
  @Field({ description: '是否工作日 Working day' })
  working!: boolean;
  @Field({ defaultValue: '', description: '说明 Note, e.g. 春节' })
  note!: string;
}
