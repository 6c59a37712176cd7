import { DateScalar, DateTimeScalar, EnforcementCategory, ENTITY_DESCRIPTIONS, findingType } from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { AgencyKind, CredentialStatus, OfficerRole } from './enums.js';

@ObjectType({ description: '法制审核人员配备 Legal reviewer staffing against the 5%/1 rule' })
export class ReviewerStaffing {
  @Field(() => Int, { description: '执法人员数 Enforcement officers' })
  enforcementOfficers!: number;
  @Field(() => Int, { description: '法制审核人员数 Legal reviewers' })
  legalReviewers!: number;
  @Field(() => Int, { description: '应配备人数 Required: 5% of enforcement officers, at least 1' })
  required!: number;
  @Field({ description: '是否达标 Meets the rule' })
  compliant!: boolean;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '机关代码 Agency code' })
  code!: string;
  @Field({ description: '名称 Name' })
  name!: string;
  @Field(() => AgencyKind, { description: '类型 Kind' })
  kind!: AgencyKind;
  @Field({ description: '所属区域 Region' })
  region!: string;
  @Field({ description: '是否为监督机关（司法局） Supervises the region' })
  isSupervisor!: boolean;
  @Field({ description: '法制机构名称 Name of the legal office (法制股/政策法规科)' })
  legalOfficeName!: string;
}

export const SupervisionFinding = findingType(Agency);

@ObjectType({ description: '证件状态变更 Credential status change' })
export class CredentialStatusChange {
  @Field(() => CredentialStatus, { nullable: true, description: '原状态 From' })
  fromStatus!: CredentialStatus | null;
  @Field(() => CredentialStatus, { description: '新状态 To' })
  toStatus!: CredentialStatus;
  @Field({ description: '原因 Reason' })
  reason!: string;
  @Field({ description: '操作人 Actor (token subject)' })
  actor!: string;
  @Field(() => DateTimeScalar, { description: '时间 When' })
  at!: Date;
}

@ObjectType({ description: '行政执法证件 Enforcement credential' })
export class Credential {
  @Field({ description: '证号 Number' })
  number!: string;
  @Field(() => [EnforcementCategory], { description: '执法类别 Categories covered' })
  categories!: EnforcementCategory[];
  @Field(() => [String], { description: '执法领域 Fields covered' })
  fields!: string[];
  @Field({ description: '执法区域 Region covered' })
  region!: string;
  @Field(() => DateScalar, { description: '发证日期 Issued on' })
  issuedOn!: string;
  @Field(() => DateScalar, { description: '有效期至 Expires on' })
  expiresOn!: string;
  @Field({ description: '发证机关 Issuing authority' })
  issuingAuthority!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Officer })
export class Officer {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '姓名 Name' })
  name!: string;
  @Field({ description: '职务 Position' })
  position!: string;
  @Field(() => [OfficerRole], { description: '职责 Duties' })
  roles!: OfficerRole[];
  @Field({ description: '是否具有法律职业资格 Holds the national legal professional qualification' })
  legalProfessionQualified!: boolean;
}

@ObjectType({ description: '行政执法人员清单条目 Public officer list entry (exactly the published fields)' })
export class PublicOfficer {
  @Field({ description: '姓名 Name' })
  name!: string;
  @Field({ description: '单位 Unit' })
  unit!: string;
  @Field({ description: '职务 Position' })
  position!: string;
  @Field({ description: '执法证号 Credential number' })
  credentialNumber!: string;
  @Field(() => [EnforcementCategory], { description: '执法类别 Categories' })
  categories!: EnforcementCategory[];
  @Field({ description: '执法区域 Region' })
  region!: string;
}

@ObjectType({ description: '证件核验结果 Credential verification (亮证执法 check)' })
export class CredentialVerification {
  @Field({ description: '所查证号 Number asked' })
  number!: string;
  @Field({ description: '今日是否有效 Valid today' })
  valid!: boolean;
  @Field(() => CredentialStatus, { nullable: true, description: '状态 Status (null if unknown number)' })
  status!: CredentialStatus | null;
  @Field(() => String, { nullable: true, description: '持证人 Holder' })
  holderName!: string | null;
  @Field(() => String, { nullable: true, description: '所在机关 Agency' })
  agencyName!: string | null;
  @Field(() => [EnforcementCategory], { nullable: true, description: '执法类别 Categories' })
  categories!: EnforcementCategory[] | null;
  @Field(() => String, { nullable: true, description: '执法区域 Region' })
  region!: string | null;
  @Field(() => DateScalar, { nullable: true, description: '有效期至 Expires on' })
  expiresOn!: string | null;
}

@ObjectType({ description: '内部：持证核查 Internal: does a valid credential cover this action' })
export class CredentialCheck {
  @Field(() => ID, { description: '人员 Officer id' })
  officerId!: string;
  @Field(() => ID, { nullable: true, description: '所在机关 Agency id (null if no such officer)' })
  agencyId!: string | null;
  @Field(() => String, { nullable: true, description: '姓名 Name' })
  officerName!: string | null;
  @Field({ description: '是否有效 Valid' })
  valid!: boolean;
  @Field(() => String, { nullable: true, description: '不符原因 Why not' })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: '使用的证号 Credential used' })
  credentialNumber!: string | null;
}

@ObjectType({ description: '内部：人员事实 Internal: officer facts other subgraphs need' })
export class OfficerFacts {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '所在机关 Agency id' })
  agencyId!: string;
  @Field({ description: '姓名 Name' })
  name!: string;
  @Field(() => [OfficerRole], { description: '职责 Duties' })
  roles!: OfficerRole[];
  @Field({ description: '法律职业资格 Legal professional qualification' })
  legalProfessionQualified!: boolean;
}

@ObjectType({ description: '内部：机关事实 Internal: agency facts other subgraphs need' })
export class AgencyFacts {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '名称 Name' })
  name!: string;
  @Field({ description: '区域 Region' })
  region!: string;
  @Field(() => Int, { description: '执法人员数 Enforcement officers' })
  enforcementOfficers!: number;
}

@ObjectType({ description: '工作日历调整 Official calendar day loaded by an ADMIN' })
export class WorkingDayOverride {
  @Field(() => DateScalar, { description: '日期 Day' })
  date!: string;
  @Field({ description: '是否工作日 Working day (调休 make-up days are true, holidays false)' })
  working!: boolean;
  @Field({ description: '说明 Note' })
  note!: string;
}
