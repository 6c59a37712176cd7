import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, conflict, type Context } from '@tsp/shared';

/**
 * Idempotency-Key (contract: repeated writes have the effect of one). A key belongs to the caller
 * (token subject); its result is stored in the write's own transaction, so it exists exactly when
 * the write does. A repeat returns the stored result without re-running the rules; the same key
 * for another operation is CONFLICT.
 */
export type Remember = (tx: EntityManager, resultId: string) => Promise<void>;

export async function idempotent<T>(
  ctx: Context, operation: string, load: (resultId: string) => Promise<T>,
  write: (remember: Remember) => Promise<T>,
): Promise<T> {
  const key = ctx.idempotencyKey?.trim();
  if (!key) return write(async () => undefined);
  if (key.length > 200) throw badInput('Idempotency-Key', 'at most 200 characters');
  const actor = ctx.identity.sub ?? '';
  const replay = async (): Promise<T | null> => {
    const [row]: { operation: string; result_id: string }[] = await ctx.em.execute(
      `select operation, result_id from records.idempotency where actor = ? and key = ?`, [actor, key],
    );
    if (!row) return null;
    if (row.operation !== operation) throw conflict(`Idempotency-Key ${key} was already used for ${row.operation} / 幂等键已用于其他操作`, { field: 'Idempotency-Key' });
    return load(row.result_id);
  };
  const prior = await replay();
  if (prior !== null) return prior;
  try {
    return await write(async (tx, resultId) => {
      await tx.execute(`insert into records.idempotency (actor, key, operation, result_id) values (?, ?, ?, ?)`, [actor, key, operation, resultId]);
    });
  } catch (e) {
    // The same key raced in concurrently and committed first: answer with its result.
    if (e instanceof UniqueConstraintViolationException) {
      const won = await replay();
      if (won !== null) return won;
    }
    throw e;
  }
}
