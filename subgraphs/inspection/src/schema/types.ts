import { DateTimeScalar, ENTITY_DESCRIPTIONS } from '@tsp/shared';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

import { ItemAction } from './enums.js';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '企业 Enterprise or individual business, identified by its unified social credit code' })
export class Enterprise {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '统一社会信用代码 Unified social credit code (18 characters, GB 32100-2015)' })
  creditCode!: string;
  @Field({ description: '名称 Name as registered' })
  name!: string;
  @Field({ description: '所在区域 Region' })
  region!: string;
  @Field({ description: '是否个体工商户 Whether an individual business (code starting 92, GB 32100-2015 附录A)' })
  individualBusiness!: boolean;
  @Field(() => DateTimeScalar, { description: '登记时间 Registered on this platform at' })
  registeredAt!: Date;
}

@ObjectType({ description: '检查事项历史版本 A version of an inspection item, as it stood' })
export class InspectionItemRevision {
  @Field(() => Int, { description: '版本号 Version' })
  version!: number;
  @Field(() => ItemAction, { description: '变更类型 What this version did' })
  action!: ItemAction;
  @Field({ description: '事项名称 Item name as it stood' })
  name!: string;
  @Field({ description: '检查依据 Legal basis as it stood' })
  legalBasis!: string;
  @Field({ description: '所属行政执法事项 Enforcement item it belonged to' })
  enforcementItem!: string;
  @Field(() => String, { nullable: true, description: '检查内容 Content as it stood' })
  content!: string | null;
  @Field({ description: '说明 Note: the reason of a retirement, or of a change' })
  note!: string;
  @Field(() => DateTimeScalar, { description: '变更时间 Changed at' })
  changedAt!: Date;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "检查事项 An item of an agency's inspection list (检查事项清单); public" })
export class InspectionItem {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => ID, { description: '执法主体 Agency id' })
  agencyId!: string;
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field({ description: '检查依据 Legal basis (law and article)' })
  legalBasis!: string;
  @Field({ description: '所属行政执法事项 The enforcement item it belongs to' })
  enforcementItem!: string;
  @Field(() => String, { nullable: true, description: '检查内容 What is inspected' })
  content!: string | null;
  @Field(() => Int, { description: '版本号 Current version' })
  version!: number;
  @Field({ description: '是否在清单上 Whether on the list now (false once retired)' })
  active!: boolean;
  @Field(() => DateTimeScalar, { description: '更新时间 Last changed at' })
  updatedAt!: Date;
  @Field(() => [InspectionItemRevision], { description: '历史版本 Every version, newest first' })
  revisions!: InspectionItemRevision[];
}
