import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, EnforcementCategory, ENTITY_DESCRIPTIONS } from '@tsp/shared';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.EnforcementCase })
export class EnforcementCase {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field({ description: '案号 Case number' })
  caseNumber!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '案由 Cause' })
  cause!: string;
  @Field(() => DateTimeScalar, { description: '立案时间 Filed at' })
  filedAt!: Date;
}
