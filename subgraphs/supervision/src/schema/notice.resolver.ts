import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { SupervisionNoticeEntity } from '../entities/index.js';
import { listNotices, noticeById, type NoticeView, noticeView } from '../read/notices.js';
import { publishSupervisionNotice } from '../write/publish-notice.js';
import { withdrawSupervisionNotice } from '../write/withdraw-notice.js';
import { PublishSupervisionNoticeInput } from './instrument-inputs.js';
import { SupervisionNotice, SupervisionNoticeConnection } from './instrument-types.js';

/** A repeat answers the notice as it stands now (withdrawn too: the caller is the bureau that wrote it). */
const replay = reloaded<NoticeView>(async (ctx, id) =>
  noticeView(await ctx.em.findOneOrFail(SupervisionNoticeEntity, { id })),
);
const ID_ARG = { description: '通报标识 Notice id' };

@Resolver(() => SupervisionNotice)
export class SupervisionNoticeResolver {
  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionNotice, {
    description:
      '通报 Publish a notice commending or criticising agencies of the region; public at once (SUPERVISOR of the region, ADMIN)',
  })
  async publishSupervisionNotice(
    @Ctx() ctx: Context,
    @Arg('input', { description: '通报 The notice' }) input: PublishSupervisionNoticeInput,
  ) {
    return noticeView(await publishSupervisionNotice(ctx, input));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionNotice, {
    description:
      '撤回通报 Withdraw a notice with the reason: it leaves the public list and stays in the bureau’s history (SUPERVISOR of the region, ADMIN)',
  })
  async withdrawSupervisionNotice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', { description: '撤回理由 Why (≤ 2,000 characters)' }) reason: string,
  ) {
    return noticeView(await withdrawSupervisionNotice(ctx, id, reason));
  }

  @Query(() => SupervisionNotice, {
    nullable: true,
    description: '通报（公开） One notice, no token needed; null when unknown or withdrawn (the bureau still reads it)',
  })
  supervisionNotice(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return noticeById(ctx, id);
  }

  @Query(() => SupervisionNoticeConnection, {
    description:
      '通报列表（公开） A region’s notices newest first, no token needed; withdrawn ones only for the bureau of the region asking for its history',
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
    return listNotices(ctx, { region, first, after, includeWithdrawn });
  }
}
