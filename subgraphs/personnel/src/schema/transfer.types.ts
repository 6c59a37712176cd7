import { DateScalar } from '@tsp/shared';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { Agency } from './types.js';

@InputType({ description: '人员调动 Move an officer to another agency' })
export class TransferOfficerInput {
  @Field(() => ID, { description: '调动人员 Officer' })
  officerId!: string;
  @Field(() => ID, { description: '调入机关 Agency the officer moves to' })
  agencyId!: string;
  @Field(() => DateScalar, {
    description: '生效日期 First day in the new agency: not after today, not before the current assignment began',
  })
  effectiveOn!: string;
  @Field({ description: '调动原因 Reason (e.g. 调令文号)' })
  reason!: string;
}

@ObjectType({ description: '任职经历 One stretch of an officer in one agency' })
export class OfficerAssignment {
  @Field(() => Agency, { description: '任职机关 Agency' })
  agency!: Agency;
  @Field(() => DateScalar, { description: '起始日期 First day: registration (登记) or transfer in (调入)' })
  from!: string;
  @Field(() => DateScalar, {
    nullable: true,
    description: '调离日期 First day in the next agency; null while current (现任)',
  })
  to!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '调入原因 Why the officer came to this agency; null for the agency they were registered with',
  })
  reason!: string | null;
  @Field({ description: '是否现任 The current assignment' })
  current!: boolean;
}
