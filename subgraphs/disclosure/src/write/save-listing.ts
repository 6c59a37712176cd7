import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@tsp/shared';

import { ListingEntity, ListingRevisionEntity } from '../entities/index.js';
import type { ListingKind } from '../rules/kinds.js';
import { type ListingData, sameData } from '../rules/listings.js';

/**
 * Creates or changes an ex-ante entry. Each change is a new version with its own revision row; saving the
 * same content again is not a change.
 */
export async function saveListing(
  em: EntityManager,
  o: {
    agencyId: string;
    kind: ListingKind;
    id?: string | null;
    key?: string;
    data: ListingData;
    actor: string;
    note?: string;
  },
): Promise<ListingEntity> {
  let l: ListingEntity | null = null;
  if (o.id) {
    l = await em.findOne(ListingEntity, { id: o.id, agencyId: o.agencyId, kind: o.kind });
    if (!l) throw notFound(o.kind.toLowerCase(), o.id);
  } else if (o.key) {
    l = await em.findOne(ListingEntity, { agencyId: o.agencyId, kind: o.kind, key: o.key });
  }
  const data = o.data;
  if (l && l.active && sameData(l.data, data)) return l;
  const now = new Date();
  if (l) em.assign(l, { data, version: l.version + 1, active: true, updatedAt: now, updatedBy: o.actor });
  else
    l = em.create(ListingEntity, {
      agencyId: o.agencyId,
      kind: o.kind,
      key: o.key ?? randomUUID(),
      version: 1,
      data,
      updatedBy: o.actor,
      createdAt: now,
      updatedAt: now,
    });
  em.create(ListingRevisionEntity, {
    listingId: l.id,
    version: l.version,
    data,
    active: true,
    changedBy: o.actor,
    note: o.note ?? '',
    changedAt: now,
  });
  await em.flush();
  return l;
}

/** Takes an entry off the public list (a new version, kept in the history). */
export async function retireListing(
  em: EntityManager,
  l: ListingEntity,
  actor: string,
  note: string,
): Promise<ListingEntity> {
  const now = new Date();
  em.assign(l, { active: false, version: l.version + 1, updatedAt: now, updatedBy: actor });
  em.create(ListingRevisionEntity, {
    listingId: l.id,
    version: l.version,
    data: l.data,
    active: false,
    changedBy: actor,
    note,
    changedAt: now,
  });
  await em.flush();
  return l;
}
