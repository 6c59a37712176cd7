import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCanWrite,
  conflict,
  type Context,
  notFound,
  optionalText,
  reloaded,
  requireId,
  requireText,
  Role,
} from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { InspectionItemEntity, InspectionItemRevisionEntity } from '../entities/index.js';
import { type ItemView, itemView } from '../read/items.js';
import { ItemAction, type ItemContent, sameContent } from '../rules/items.js';

/**
 * Who keeps an agency's inspection list: its head and the administrator. The list bounds what the agency's
 * officers may inspect (国办发〔2024〕54号 三: 清单之外无检查), so the officers who inspect do not extend it themselves.
 */
export const ITEM_KEEPERS = [Role.AGENCY_HEAD, Role.ADMIN];

export interface InspectionItemInput {
  name: string;
  legalBasis: string;
  enforcementItem: string;
  content?: string | null;
}

function cleanContent(input: InspectionItemInput): ItemContent {
  return {
    name: requireText('name', input.name, 200),
    legalBasis: requireText('legalBasis', input.legalBasis, 1000),
    enforcementItem: requireText('enforcementItem', input.enforcementItem, 200),
    content: optionalText('content', input.content, 2000),
  };
}

/** Appends the revision for the item's current version (the ORM inserts both in one flush). */
function addRevision(em: EntityManager, item: InspectionItemEntity, action: ItemAction, actor: string, note = '') {
  em.create(InspectionItemRevisionEntity, {
    itemId: item.id,
    version: item.version,
    action,
    name: item.name,
    legalBasis: item.legalBasis,
    enforcementItem: item.enforcementItem,
    content: item.content,
    note,
    changedBy: actor,
    changedAt: item.updatedAt,
  });
}

/**
 * An item the caller may change: it exists, and the caller keeps its agency's list. Locked for the
 * transaction, so two changes at once make two versions instead of colliding on the same number.
 */
async function keptItem(ctx: Context, tx: EntityManager, id: string): Promise<InspectionItemEntity> {
  const item = await tx.findOne(
    InspectionItemEntity,
    { id: requireId('inspection item', id) },
    { lockMode: LockMode.PESSIMISTIC_WRITE },
  );
  if (!item) throw notFound('inspection item', id);
  assertCanWrite(ctx.identity, item.agencyId, ITEM_KEEPERS);
  if (!item.active) throw conflict(`inspection item ${id} is retired / 该检查事项已移出清单`, { id });
  return item;
}

/** 新增检查事项 Adds an item to an agency's list (version 1). */
export async function addInspectionItem(ctx: Context, agencyId: string, input: InspectionItemInput): Promise<ItemView> {
  const agency = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, agency, ITEM_KEEPERS);
  // The administrator acts for any agency: one personnel does not know gets no list.
  if (!(await agencyFacts([agency])).length) throw notFound('agency', agency);
  const item = ctx.em.create(InspectionItemEntity, { agencyId: agency, ...cleanContent(input), version: 1 });
  addRevision(ctx.em, item, ItemAction.ADDED, ctx.identity.sub!);
  await ctx.em.flush();
  return itemView(item);
}

/** 修改检查事项 Changes an item: a new version, the old one kept; the same content again changes nothing. */
export async function changeInspectionItem(
  ctx: Context,
  id: string,
  input: InspectionItemInput,
  note?: string | null,
): Promise<ItemView> {
  const content = cleanContent(input);
  const why = optionalText('note', note, 500) ?? '';
  return ctx.em.transactional(async (tx) => {
    const item = await keptItem(ctx, tx, id);
    if (sameContent(item, content)) return itemView(item);
    tx.assign(item, { ...content, version: item.version + 1, updatedAt: new Date() });
    addRevision(tx, item, ItemAction.CHANGED, ctx.identity.sub!, why);
    return itemView(item);
  });
}

/** 移出清单 Retires an item: off the public list from now on, kept in its history with the reason. */
export async function retireInspectionItem(ctx: Context, id: string, reason: string): Promise<ItemView> {
  const why = requireText('reason', reason, 500);
  return ctx.em.transactional(async (tx) => {
    const item = await keptItem(ctx, tx, id);
    tx.assign(item, { active: false, version: item.version + 1, updatedAt: new Date() });
    addRevision(tx, item, ItemAction.RETIRED, ctx.identity.sub!, why);
    return itemView(item);
  });
}

/** A repeated Idempotency-Key answers with the item, read again. */
export const itemReplay = reloaded(async (ctx, id) =>
  itemView(await ctx.em.findOneOrFail(InspectionItemEntity, { id })),
);
