import type { Context } from '@tsp/shared';

import type { RecordEntryEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** 附件 An entry's attachments in order, sizes as numbers (stored as bigint). Batched across entries. */
export async function attachmentsOfEntry(ctx: Context, e: RecordEntryEntity) {
  const list = await load.attachmentsOfEntry(ctx).load(e.id);
  return list.map((a) => ({ ...a, size: Number(a.size) }));
}

/** 更正的记录 The entry this one corrects, or null. Batched across entries. */
export function correctedEntry(ctx: Context, e: RecordEntryEntity): Promise<RecordEntryEntity | null> | null {
  return e.correctsId ? load.entry(ctx).load(e.correctsId) : null;
}
