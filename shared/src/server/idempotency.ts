import type { EntityManager } from '@mikro-orm/postgresql';
import type { MiddlewareFn } from 'type-graphql';

import { CommitUnconfirmed, confirmCommitted } from '../db/group-commit.js';
import { isDatabaseUnreachable } from '../db/outage.js';
import { badInput, conflict } from '../errors.js';
import type { Context } from './context.js';
import { Loaders } from './loaders.js';
import type { Replay } from './replay.js';
import { requestHash } from './request-hash.js';

/**
 * Idempotency-Key (contract: writes repeated with the key have the effect of one). A key belongs
 * to the caller (token subject) within one subgraph's schema (`<schema>.idempotency`, created by
 * `idempotencySql`). The row is inserted in the write's own transaction, so it exists exactly when
 * the write does: a refused write leaves no row and may be retried. A repeat returns the kept
 * answer (replay.ts) before any rule or permission runs again; the same key used for another
 * operation, or for the same one with other arguments (a client bug that would otherwise lose the
 * second write silently), is CONFLICT. Arguments are compared by a fingerprint (request-hash.ts);
 * rows kept before it was stored (request_hash null) replay on the key and operation alone.
 */
export type Remember<T> = (tx: EntityManager, result: T) => Promise<void>;

const SCHEMA = /^[a-z_]+$/;

/** The request's key, checked; undefined when the client sent none. */
function keyOf(ctx: Context): string | undefined {
  const key = ctx.idempotencyKey?.trim();
  if (!key) return undefined;
  if (key.length > 200) throw badInput('Idempotency-Key', 'at most 200 characters');
  return key;
}

/**
 * For writes shaped around their own transaction: `write` calls `remember(tx, result)` inside it.
 * Remote checks can then stay outside the transaction (records asks personnel and review first).
 * `args` are the mutation's field arguments by name, as its resolver got them (`{ input }`).
 */
export async function idempotent<T>(
  ctx: Context,
  schema: string,
  operation: string,
  args: Record<string, unknown>,
  replay: Replay<T>,
  write: (remember: Remember<T>) => Promise<T>,
): Promise<T> {
  if (!SCHEMA.test(schema)) throw new Error(`not a schema name: ${schema}`);
  const key = keyOf(ctx);
  if (!key) return write(async () => undefined);
  const actor = ctx.identity.sub ?? '';
  const hash = requestHash(args);
  const prior = async (): Promise<{ result: T } | null> => {
    const [row]: { operation: string; result: unknown; request_hash: string | null }[] = await ctx.em.execute(
      `select operation, result, request_hash from ${schema}.idempotency where actor = ? and key = ?`,
      [actor, key],
    );
    if (!row) return null;
    // The first request may have committed without waiting for the disk (db/group-commit.ts) and be flushing still,
    // or have failed in that flush (or in records' journal integration): its result is answered again only once it is
    // durable (and in the journal).
    await confirmCommitted(ctx.em);
    if (row.operation !== operation)
      throw conflict(`Idempotency-Key ${key} was already used for ${row.operation} / 幂等键已用于其他操作`, {
        field: 'Idempotency-Key',
      });
    if (row.request_hash !== null && row.request_hash !== hash)
      throw conflict(`Idempotency-Key ${key} was already used with different arguments / 幂等键已用于不同的参数`, {
        field: 'Idempotency-Key',
      });
    return { result: await replay.restore(row.result, ctx) };
  };
  const first = await prior();
  if (first) return first.result;
  try {
    return await write(async (tx, result) => {
      await tx.execute(
        `insert into ${schema}.idempotency (actor, key, operation, result, request_hash) values (?, ?, ?, ?::jsonb, ?)`,
        [actor, key, operation, JSON.stringify(replay.keep(result) ?? null), hash],
      );
    });
  } catch (e) {
    // The same key raced in and committed first (our insert, or a rule that now sees its effect,
    // failed): answer with its result. So too when our write committed but its flush failed, if the database
    // answers now; if it does not, the refusal still says the write was committed.
    const won = await prior().catch((again: unknown) => {
      throw e instanceof CommitUnconfirmed && isDatabaseUnreachable(again) ? e : again;
    });
    if (won) return won.result;
    throw e;
  }
}

/**
 * Every other mutation: `@UseMiddleware(Idempotent('review', byId(LegalReviewEntity)))` on the
 * resolver; the operation is the mutation's field name. With a key the resolver runs in one
 * transaction (its own transactions become savepoints) and the key row is written at its end.
 * Without a key it runs exactly as it would undecorated.
 */
export function Idempotent<T>(schema: string, replay: Replay<T>): MiddlewareFn<Context> {
  return async ({ context, info, args }, next) => {
    if (!keyOf(context)) return next();
    return idempotent(context, schema, info.fieldName, args, replay, (remember) =>
      context.em.transactional(async (tx) => {
        const result = (await onTransaction(context, tx, next)) as T;
        await tx.flush();
        await remember(tx, result);
        return result;
      }),
    );
  };
}

/**
 * Runs the resolver with the request's context on `tx`, and with loaders of its own so nothing
 * read inside outlives the transaction. Safe because a request's mutations run one at a time and
 * nested fields resolve only after the resolver returns, when the context is restored.
 */
async function onTransaction(ctx: Context, tx: EntityManager, next: () => Promise<unknown>): Promise<unknown> {
  const { em, loaders } = ctx;
  ctx.em = tx;
  ctx.loaders = new Loaders();
  try {
    return await next();
  } finally {
    ctx.em = em;
    ctx.loaders = loaders;
  }
}

/**
 * The table a subgraph's migration creates in its schema; `writer` is granted what the code needs.
 * Its `request_hash` column is added by idempotencyRequestHashSql, in a later migration of each
 * subgraph, so installs that already ran the first one follow the same path as new ones.
 */
export function idempotencySql(schema: string, writer?: string): string[] {
  if (!SCHEMA.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return [
    `create table ${schema}.idempotency (
      actor text not null,
      key text not null,
      operation text not null,
      result jsonb not null,
      created_at timestamptz not null default now(),
      primary key (actor, key))`,
    ...(writer ? [`grant select, insert on ${schema}.idempotency to ${writer}`] : []),
  ];
}

/** The arguments' fingerprint (nullable: keys kept before it replay on key and operation alone). */
export function idempotencyRequestHashSql(schema: string): string[] {
  if (!SCHEMA.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return [`alter table ${schema}.idempotency add column request_hash text`];
}
