import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '@tsp/shared';
import type { RecordEntryEntity } from '../entities/index.js';
import { Attachment, Officer, RecordEntry } from './types.js';
import { load } from './loaders.js';

/** Entries are only reached through a case the caller may read. */
@Resolver(() => RecordEntry)
export class EntryResolver {
  @FieldResolver(() => [Officer], { description: '执法人员 Acting officers' })
  officers(@Root() e: RecordEntryEntity) {
    return e.officerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [Attachment], { description: '附件 Attachments' })
  async attachments(@Root() e: RecordEntryEntity, @Ctx() ctx: Context) {
    const list = await load.attachmentsOfEntry(ctx).load(e.id);
    return list.map((a) => ({ ...a, size: Number(a.size) }));
  }

  @FieldResolver(() => RecordEntry, { nullable: true, description: '更正的记录 Entry this one corrects' })
  corrects(@Root() e: RecordEntryEntity, @Ctx() ctx: Context) {
    return e.correctsId ? load.entry(ctx).load(e.correctsId) : null;
  }
}
