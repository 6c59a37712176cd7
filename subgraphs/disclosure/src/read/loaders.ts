import { alignMany, alignOne, type Context } from '@tsp/shared';

import {
  ListingEntity,
  ListingRevisionEntity,
  PublicationEntity,
  PublicationRevisionEntity,
} from '../entities/index.js';
import type { ListingKind } from '../rules/kinds.js';
import { PublicationKind } from '../rules/kinds.js';

/** Per-request batched reads: one statement per kind of read, whatever the list length. */
export const load = {
  publication: (ctx: Context) =>
    ctx.loaders.get<string, PublicationEntity | null>('publication', async (ids) =>
      alignOne(ids, await ctx.em.find(PublicationEntity, { id: { $in: [...ids] } }), (p) => p.id),
    ),

  publicationOfCase: (ctx: Context) =>
    ctx.loaders.get<string, PublicationEntity | null>('publicationOfCase', async (ids) =>
      alignOne(
        ids,
        await ctx.em.find(PublicationEntity, { caseId: { $in: [...ids] }, kind: PublicationKind.DECISION }),
        (p) => p.caseId!,
      ),
    ),

  revisions: (ctx: Context) =>
    ctx.loaders.get<string, PublicationRevisionEntity[]>('publicationRevisions', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(
          PublicationRevisionEntity,
          { publicationId: { $in: [...ids] } },
          { orderBy: { version: 'asc' } },
        ),
        (r) => r.publicationId,
      ),
    ),

  listings: (ctx: Context, kind: ListingKind) =>
    ctx.loaders.get<string, ListingEntity[]>(`listings:${kind}`, async (agencyIds) =>
      alignMany(
        agencyIds,
        await ctx.em.find(
          ListingEntity,
          { agencyId: { $in: [...agencyIds] }, kind, active: true },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
        (l) => l.agencyId,
      ),
    ),

  /** Entries by id, whatever their kind or state: the caller checks the kind. */
  listing: (ctx: Context) =>
    ctx.loaders.get<string, ListingEntity | null>('listing', async (ids) =>
      alignOne(ids, await ctx.em.find(ListingEntity, { id: { $in: [...ids] } }), (l) => l.id),
    ),

  listingRevisions: (ctx: Context) =>
    ctx.loaders.get<string, ListingRevisionEntity[]>('listingRevisions', async (ids) =>
      alignMany(
        ids,
        await ctx.em.find(ListingRevisionEntity, { listingId: { $in: [...ids] } }, { orderBy: { version: 'desc' } }),
        (r) => r.listingId,
      ),
    ),
};
