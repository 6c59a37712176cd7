import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, EnforcementCategory, ENTITY_DESCRIPTIONS } from '@tsp/shared';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@ObjectType({ description: '行政执法事项 Enforcement item (行政执法事项清单)' })
export class EnforcementItem {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '事项名称 Item name' })
  name!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '实施依据 Legal basis' })
  legalBasis!: string;
  @Field({ description: '责任主体 Responsible body' })
  responsibleBody!: string;
  @Field(() => DateTimeScalar, { description: '更新时间 Last changed' })
  updatedAt!: Date;
}
