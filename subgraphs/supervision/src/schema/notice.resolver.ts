import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, Directive, ID, Int, Mutation, Query, Resolver, UseMiddleware } from 'type-graphql';

import { SupervisionNoticeEntity } from '../entities/index.js';
import { listNoticeRecords, noticeRecordById, noticeText, type NoticeView, noticeView } from '../read/notices.js';
import { publishSupervisionNotice } from '../write/publish-notice.js';
import { withdrawSupervisionNotice } from '../write/withdraw-notice.js';
import { PublishSupervisionNoticeInput } from './instrument-inputs.js';
import {
  SupervisionNoticeRecord,
  SupervisionNoticeRecordConnection,
  SupervisionNoticeText,
} from './instrument-types.js';

/** A repeat answers the notice as it stands now (withdrawn too: the caller is the bureau that wrote it). */
const replay = reloaded<NoticeView>(async (ctx, id) =>
  noticeView(await ctx.em.findOneOrFail(SupervisionNoticeEntity, { id })),
);
const ID_ARG = { description: '通报标识 Notice id' };

@Resolver(() => SupervisionNoticeRecord)
export class SupervisionNoticeResolver {
  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionNoticeRecord, {
    description:
      '通报 Publish a notice commending or criticising agencies of the region; disclosure publishes its masked copy as SupervisionNotice moments later (SUPERVISOR of the region, ADMIN)',
  })
  async publishSupervisionNotice(
    @Ctx() ctx: Context,
    @Arg('input', { description: '通报 The notice' }) input: PublishSupervisionNoticeInput,
  ) {
    return noticeView(await publishSupervisionNotice(ctx, input));
  }

  @UseMiddleware(Idempotent('supervision', replay))
  @Mutation(() => SupervisionNoticeRecord, {
    description:
      '撤回通报 Withdraw a notice with the reason: disclosure takes it off the public list; it stays in the bureau’s register (SUPERVISOR of the region, ADMIN)',
  })
  async withdrawSupervisionNotice(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, ID_ARG) id: string,
    @Arg('reason', { description: '撤回理由 Why (≤ 2,000 characters)' }) reason: string,
  ) {
    return noticeView(await withdrawSupervisionNotice(ctx, id, reason));
  }

  @Query(() => SupervisionNoticeRecord, {
    nullable: true,
    description:
      '通报原件 One notice as written, withdrawn ones too (SUPERVISOR of its region, ADMIN); null for anyone else or unknown',
  })
  supervisionNoticeRecord(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return noticeRecordById(ctx, id);
  }

  @Query(() => SupervisionNoticeRecordConnection, {
    description:
      '通报登记 A region’s notices as written, newest first; withdrawn ones with their reasons when asked (SUPERVISOR of the region, ADMIN)',
  })
  supervisionNoticeRecords(
    @Ctx() ctx: Context,
    @Arg('region', { description: '地区 Region' }) region: string,
    @Arg('first', () => Int, { nullable: true, description: '每页条数 Page size (default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 After this cursor' }) after?: string | null,
    @Arg('includeWithdrawn', () => Boolean, { nullable: true, description: '含已撤回 Include withdrawn notices' })
    includeWithdrawn?: boolean | null,
  ) {
    return listNoticeRecords(ctx, { region, first, after, includeWithdrawn });
  }

  @Directive('@inaccessible')
  @Query(() => SupervisionNoticeText, {
    nullable: true,
    description:
      '内部：通报原文 Internal: a notice as written, for disclosure to mask and publish (service tokens only)',
  })
  supervisionNoticeText(@Ctx() ctx: Context, @Arg('id', () => ID, ID_ARG) id: string) {
    return noticeText(ctx, id);
  }
}
