import { connectionType, type Context, DateTimeScalar } from '@tsp/shared';
import { Arg, Ctx, Field, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';

import { listPublicNotices, publicNoticeById } from '../read/notices.js';
import { NoticeKind } from './enums.js';
import { Agency } from './types.js';

@ObjectType({
  description:
    '通报（公示） A justice bureau’s notice commending or criticising agencies, as disclosure publishes it: texts masked (no ID, phone or bank numbers)',
})
export class SupervisionNotice {
  @Field(() => ID, { description: '标识 Id (the same as the bureau’s SupervisionNoticeRecord)' })
  id!: string;
  @Field({ description: '地区 Region' })
  region!: string;
  @Field(() => NoticeKind, { description: '类型 Commendation or criticism' })
  kind!: NoticeKind;
  @Field({ description: '标题 Title as published (masked)' })
  title!: string;
  @Field({ description: '正文 Body as published (masked)' })
  body!: string;
  @Field(() => [Agency], { description: '涉及机关 The agencies named' })
  agencies!: { id: string }[];
  @Field(() => DateTimeScalar, { description: '发布时间 Published at' })
  publishedAt!: Date;
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: '撤回时间 Withdrawn at (only the bureau of the region reads a withdrawn notice)',
  })
  withdrawnAt!: Date | null;
  @Field(() => String, { nullable: true, description: '撤回理由 Why it was withdrawn, as published (masked)' })
  withdrawalReason!: string | null;
}

export const SupervisionNoticeConnection = connectionType(SupervisionNotice, 'SupervisionNotice', '通报');

const ID_ARG = { description: '通报标识 Notice id' };

/** 通报公示 The public reads of the bureau's notices: the masked copy disclosure keeps. */
@Resolver(() => SupervisionNotice)
export class SupervisionNoticeResolver {
  @Query(() => SupervisionNotice, {
    nullable: true,
    description:
      '通报（公开） One notice as published (masked), no token needed; null when unknown or withdrawn (the bureau of the region still reads it)',
  })
  supervisionNotice(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return publicNoticeById(ctx, id);
  }

  @Query(() => SupervisionNoticeConnection, {
    description:
      '通报列表（公开） A region’s notices as published (masked), newest first, no token needed; withdrawn ones only for the bureau of the region asking for its history',
  })
  supervisionNotices(
    @Ctx() ctx: Context,
    @Arg('region', { description: '地区 Region' }) region: string,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 Page size (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
    @Arg('includeWithdrawn', () => Boolean, {
      nullable: true,
      description: '含已撤回 Include withdrawn notices (the bureau of the region, ADMIN)',
    })
    includeWithdrawn?: boolean | null,
  ) {
    return listPublicNotices(ctx, { region, first, after, includeWithdrawn });
  }
}
