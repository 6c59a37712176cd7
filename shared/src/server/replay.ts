import type { EntityName } from '@mikro-orm/core';

import type { Context } from './context.js';

/**
 * What an Idempotency-Key row keeps of a mutation's answer, and how a repeat gets it back.
 * Two kinds cover every mutation:
 * - an entity (or a view of one): its id is kept and the row reloaded, so the repeat's nested
 *   fields resolve as for the first request (the first answer's root, read again);
 * - anything else (a count, a boolean, a list of settings, a view with no id): the answer
 *   itself, as JSON. Only use this when the answer's fields survive JSON (DateTime fields do;
 *   Date-typed fields must hold YYYY-MM-DD strings, not JS Dates).
 */
export interface Replay<T> {
  keep(result: T): unknown;
  restore(kept: unknown, ctx: Context): Promise<T>;
}

/** Keeps the answer's id; a repeat reloads it with `load`. */
export function reloaded<T extends { id: string }>(load: (ctx: Context, id: string) => Promise<T>): Replay<T> {
  return { keep: (r) => r.id, restore: (id, ctx) => load(ctx, id as string) };
}

/** Keeps the entity's id; a repeat reads the row again. */
export function byId<E extends { id: string }>(entity: EntityName<E>): Replay<E> {
  // findOneOrFail's filter type cannot be spelled for a generic E; the primary key is always `id` here.
  return reloaded((ctx, id) => ctx.em.findOneOrFail(entity, { id } as never));
}

/** Keeps the answer itself (JSON); a repeat returns it as it was. */
export function asAnswer<T>(): Replay<T> {
  return { keep: (r) => r, restore: async (kept) => kept as T };
}
