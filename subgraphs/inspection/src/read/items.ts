import { alignMany, type Context, isUuid, notFound, requireId } from '@tsp/shared';

import { InspectionItemEntity, InspectionItemRevisionEntity } from '../entities/index.js';
import type { ItemAction } from '../rules/items.js';
import { load } from './loaders.js';

/**
 * The inspection lists are public (国办发〔2024〕54号 三: published to society), with their history:
 * every read here answers without a token, and nothing private is kept in an item.
 */
export interface ItemView {
  id: string;
  agencyId: string;
  name: string;
  legalBasis: string;
  enforcementItem: string;
  content: string | null;
  version: number;
  active: boolean;
  updatedAt: Date;
}

export function itemView(i: InspectionItemEntity): ItemView {
  return {
    id: i.id,
    agencyId: i.agencyId,
    name: i.name,
    legalBasis: i.legalBasis,
    enforcementItem: i.enforcementItem,
    content: i.content,
    version: i.version,
    active: i.active,
    updatedAt: i.updatedAt,
  };
}

/** The revision as served: the changer's account stays internal. */
export interface ItemRevisionView {
  version: number;
  action: ItemAction;
  name: string;
  legalBasis: string;
  enforcementItem: string;
  content: string | null;
  note: string;
  changedAt: Date;
}

const local = {
  current: (ctx: Context) =>
    ctx.loaders.get<string, InspectionItemEntity[]>('currentItems', async (agencyIds) =>
      alignMany(
        agencyIds,
        await ctx.em.find(
          InspectionItemEntity,
          { agencyId: { $in: [...agencyIds] }, active: true },
          { orderBy: { name: 'asc', id: 'asc' } },
        ),
        (i) => i.agencyId,
      ),
    ),
  revisions: (ctx: Context) =>
    ctx.loaders.get<string, InspectionItemRevisionEntity[]>('itemRevisions', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          InspectionItemRevisionEntity,
          { itemId: { $in: [...ids] } },
          { orderBy: { version: 'desc' } },
        ),
        (r) => r.itemId,
      ),
    ),
};

/** 检查事项清单 An agency's current items, by name (batched per agency). */
export async function currentItems(ctx: Context, agencyId: string): Promise<ItemView[]> {
  return (await local.current(ctx).load(requireId('agency', agencyId))).map(itemView);
}

/** One item, current or retired; NOT_FOUND when there is none. */
export async function inspectionItem(ctx: Context, id: string): Promise<ItemView> {
  const i = await load.item(ctx).load(requireId('inspection item', id));
  if (!i) throw notFound('inspection item', id);
  return itemView(i);
}

/** An item another subgraph refers to (public, like the list); null for a malformed or unknown id. */
export async function referencedItem(ctx: Context, id: string): Promise<ItemView | null> {
  if (!isUuid(id)) return null;
  const i = await load.item(ctx).load(id.toLowerCase());
  return i && itemView(i);
}

/** 历史版本 Every version of an item, newest first (batched). */
export async function itemRevisions(ctx: Context, itemId: string): Promise<ItemRevisionView[]> {
  return (await local.revisions(ctx).load(itemId)).map((r) => ({
    version: r.version,
    action: r.action,
    name: r.name,
    legalBasis: r.legalBasis,
    enforcementItem: r.enforcementItem,
    content: r.content,
    note: r.note,
    changedAt: r.changedAt,
  }));
}
