import { Field, InputType } from 'type-graphql';

@InputType({ description: '企业登记 An enterprise to register' })
export class EnterpriseInput {
  @Field({ description: '统一社会信用代码 Unified social credit code; its check character is verified' })
  creditCode!: string;
  @Field({ description: '名称 Name as on the business licence' })
  name!: string;
  @Field({ description: '所在区域 Region, e.g. 宁晋县' })
  region!: string;
}

@InputType({ description: '检查事项 The content of an inspection item' })
export class InspectionItemInput {
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field({ description: '检查依据 Legal basis (law and article)' })
  legalBasis!: string;
  @Field({ description: '所属行政执法事项 The enforcement item it belongs to' })
  enforcementItem!: string;
  @Field(() => String, { nullable: true, description: '检查内容 What is inspected' })
  content?: string | null;
}
