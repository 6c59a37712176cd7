import { DateScalar, DateTimeScalar, FindingKind, summaryType } from '@tsp/shared';
import { Field, ID, InputType, ObjectType } from 'type-graphql';

import { NoticeState } from './enums.js';

@ObjectType({
  description:
    "整改通知 Notice of rectification issued by the supervisor against a finding, with the agency's response",
})
export class RectificationNotice {
  @Field(() => ID, { description: '标识 Id' })
  id!: string;
  @Field(() => FindingKind, { description: '监督发现类型 Kind of the finding' })
  findingKind!: FindingKind;
  @Field(() => ID, { description: '对象标识 Subject of the finding' })
  subjectId!: string;
  @Field({ description: '通知内容 Notice text' })
  notice!: string;
  @Field(() => DateScalar, { description: '整改期限 Respond by' })
  dueOn!: string;
  @Field({ description: '发出人 Issued by' })
  issuedBy!: string;
  @Field(() => DateTimeScalar, { description: '发出时间 Issued at' })
  issuedAt!: Date;
  @Field(() => String, { nullable: true, description: '整改回复 Agency response' })
  response!: string | null;
  @Field(() => String, { nullable: true, description: '回复人 Responded by' })
  respondedBy!: string | null;
  @Field(() => DateTimeScalar, { nullable: true, description: '回复时间 Responded at' })
  respondedAt!: Date | null;
  @Field(() => NoticeState, { description: '状态 State' })
  state!: NoticeState;
}

@InputType({ description: '发出整改通知 Issue a notice of rectification' })
export class IssueNoticeInput {
  @Field(() => ID, { description: '被监督机关 Agency' })
  agencyId!: string;
  @Field(() => FindingKind, { description: '监督发现类型 Finding kind' })
  findingKind!: FindingKind;
  @Field(() => ID, { description: '对象标识 Subject id from the finding' })
  subjectId!: string;
  @Field({ description: '通知内容 Notice text' })
  notice!: string;
  @Field(() => DateScalar, { description: '整改期限 Respond by' })
  dueOn!: string;
}

/** 机关监督统计 One agency's summary; personnel adds `agency` and `personnel` (see supervision.resolver.ts). */
export const AgencySupervisionSummary = summaryType();
export type AgencySupervisionSummary = InstanceType<typeof AgencySupervisionSummary>;
