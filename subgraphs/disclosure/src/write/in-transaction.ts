import { type Context, Loaders } from '@tsp/shared';

/**
 * Runs a write in one transaction with a context on it, so the change, its revision and its outbox event commit
 * together or not at all. Fresh loaders: nothing read inside outlives the transaction. Under an Idempotency-Key the
 * request already runs in one, and this becomes a savepoint of it.
 */
export function inTransaction<T>(ctx: Context, write: (tx: Context) => Promise<T>): Promise<T> {
  return ctx.em.transactional((em) => write({ ...ctx, em, loaders: new Loaders() }));
}
