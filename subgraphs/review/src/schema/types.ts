import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { EnforcementCategory, ENTITY_DESCRIPTIONS } from '@tsp/shared';

@Directive('@key(fields: "id")')
@ObjectType({ description: ENTITY_DESCRIPTIONS.Agency })
export class Agency {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
}

@ObjectType({ description: '重大执法决定法制审核目录条目 Catalogue rule: what makes a decision major' })
export class ReviewCatalogRule {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => EnforcementCategory, { description: '执法类别 Category' })
  category!: EnforcementCategory;
  @Field({ description: '情形 Description of the major decision' })
  description!: string;
  @Field({ description: '依据 Legal basis' })
  legalBasis!: string;
}
