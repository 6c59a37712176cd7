import type { Context } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import type { RecordEntryEntity } from '../entities/index.js';
import { attachmentsOfEntry, correctedEntry } from '../read/entry-fields.js';
import { Attachment, Officer, RecordEntry } from './types.js';

/** Entries are only reached through a case the caller may read. */
@Resolver(() => RecordEntry)
export class EntryResolver {
  @FieldResolver(() => [Officer], { description: '执法人员 Acting officers' })
  officers(@Root() e: RecordEntryEntity) {
    return e.officerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [Attachment], { description: '附件 Attachments' })
  attachments(@Root() e: RecordEntryEntity, @Ctx() ctx: Context) {
    return attachmentsOfEntry(ctx, e);
  }

  @FieldResolver(() => RecordEntry, { nullable: true, description: '更正的记录 Entry this one corrects' })
  corrects(@Root() e: RecordEntryEntity, @Ctx() ctx: Context) {
    return correctedEntry(ctx, e);
  }
}
