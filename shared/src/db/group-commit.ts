import type { EventSubscriber, TransactionEventArgs } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

import type { DedicatedStatement } from './dedicated-statement.js';

/**
 * 组提交 Group commit outside the ordering locks.
 *
 * The outbox (event positions) and records' journal (leaf indexes) hand out positions under a transaction-scoped
 * advisory lock, so positions commit in order. Held through an ordinary COMMIT, the lock also covers the commit's
 * WAL flush: writers take turns on the disk one flush each, and nobody is left to share a flush with. So a
 * transaction that takes such a lock commits with `synchronous_commit = off` (the lock is released as soon as the
 * commit record is in the WAL buffers) and, once committed, flushes the WAL itself before anything is answered —
 * outside the lock, where concurrent writers' flushes overlap and PostgreSQL merges them. A write is still
 * acknowledged only once it is on disk.
 *
 * What changes: for the fraction of a millisecond between commit and flush, other sessions can already see the
 * rows. A crash of the server in that window loses them, together with everything committed after them (the WAL is
 * one sequence), and their positions would be handed out again. So nothing that gives out a position — event
 * feeds, journal heads and proofs — answers before the WAL is flushed past what it read (`flushWal`). Replicas
 * receive only flushed WAL, so they never see the window.
 */

/** SQL expression for the statement that takes the ordering lock: this transaction's COMMIT does not wait. */
export const COMMIT_WITHOUT_FLUSH = `set_config('synchronous_commit', 'off', true)`;

/**
 * Flushes the WAL up to its current end, unless it is flushed already (the usual case: no write at all). PostgreSQL
 * has no "wait for flush" call; a non-transactional logical message with flush = true (PostgreSQL 17+) writes a
 * record of a few bytes and flushes the WAL through it, which covers every commit before it. Any privileges, any
 * wal_level.
 */
export const FLUSH_WAL_SQL = `select case when pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn()
  then pg_logical_emit_message(false, 'tsp.flush', '', true) end as flushed`;

/**
 * What the flush after a group commit sends (one message, several statements: the simple protocol, no parameters):
 * what a synchronous COMMIT would have waited for. Without synchronous standbys (`synchronous_standby_names` empty,
 * the default), the local flush of FLUSH_WAL_SQL. With them, a transactional message committed under the session's
 * `synchronous_commit`: its COMMIT waits for the standbys to confirm it, and so every commit before it (a local
 * flush alone acknowledged writes a failover to the standby would lose). The local flush stays when that COMMIT
 * would not flush at all (`synchronous_commit = off` set for the server).
 */
export const CONFIRM_COMMITS_SQL = `begin;
select pg_logical_emit_message(true, 'tsp.flush', '') where current_setting('synchronous_standby_names') <> '';
select pg_logical_emit_message(false, 'tsp.flush', '', true)
 where (current_setting('synchronous_standby_names') = '' or current_setting('synchronous_commit') = 'off')
   and pg_current_wal_flush_lsn() < pg_current_wal_insert_lsn();
commit`;

const toFlush = new WeakSet<object>();
/** Root transaction → the names of the after-commit statements it asked for (runAfterCommit). */
const toRun = new WeakMap<object, Set<string>>();

/** MikroORM marks a savepoint's transaction with a symbol pointing at its parent; commit hooks run on the root. */
function rootTransaction(trx: object): object {
  for (;;) {
    const parent = Object.getOwnPropertySymbols(trx).find((s) => s.description === 'parentTransaction');
    if (!parent) return trx;
    trx = (trx as Record<symbol, object>)[parent];
  }
}

/**
 * Call in the transaction whose statement used COMMIT_WITHOUT_FLUSH: after its COMMIT, and before the transaction's
 * caller goes on, the WAL is flushed (GroupCommitSubscriber).
 */
export function flushAfterCommit(em: EntityManager): void {
  const trx = em.getTransactionContext<object>();
  if (!trx) throw new Error('flushAfterCommit must run inside a transaction');
  toFlush.add(rootTransaction(trx));
}

/**
 * After this transaction's COMMIT, and before its caller goes on, runs the ORM's after-commit statement `name`
 * (DbOptions.afterCommit), which also makes the COMMIT durable, as the WAL flush would. A statement asked for
 * by many transactions at once runs once for all of them (DedicatedStatement). Records integrates its journal so.
 */
export function runAfterCommit(em: EntityManager, name: string): void {
  const trx = em.getTransactionContext<object>();
  if (!trx) throw new Error('runAfterCommit must run inside a transaction');
  afterCommitOf(em, name);
  const root = rootTransaction(trx);
  toRun.set(root, (toRun.get(root) ?? new Set()).add(name));
  toFlush.add(root);
}

/** What openOrm registered for an ORM: its WAL flush and its named after-commit statements. */
export interface AfterCommit {
  flusher: DedicatedStatement;
  statements: ReadonlyMap<string, DedicatedStatement>;
}
/** Keyed by the ORM's configuration, which every EntityManager forked from it shares. */
const registered = new WeakMap<object, AfterCommit>();

export function registerAfterCommit(config: object, a: AfterCommit): void {
  registered.set(config, a);
}

function afterCommitOf(em: EntityManager, name: string): DedicatedStatement {
  const statement = registered.get(em.config)?.statements.get(name);
  // Better refused at the write than committed and never run.
  if (!statement)
    throw new Error(`no after-commit statement "${name}" was registered on this ORM (openOrm afterCommit)`);
  return statement;
}

/**
 * For a write made outside a transaction (autocommit): what runAfterCommit does after a COMMIT, to call once the write
 * is done — the after-commit statement `name`, which flushes too; rejects with CommitUnconfirmed. Throws at once when
 * the ORM has no such statement, so the write can be refused before it is made.
 */
export function afterCommitNow(em: EntityManager, name: string): () => Promise<void> {
  const statement = afterCommitOf(em, name);
  return () => confirm(registered.get(em.config)!.flusher, [statement]);
}

/**
 * Before answering again with what an earlier write committed (an Idempotency-Key's stored result): what that write's
 * caller waited for after its COMMIT — every after-commit statement of the ORM, or the WAL flush when it has none. The
 * first request may have failed there (CommitUnconfirmed), or still be on its way.
 */
export async function confirmCommitted(em: EntityManager): Promise<void> {
  const a = registered.get(em.config);
  if (a?.statements.size) await confirm(a.flusher, [...a.statements.values()]);
  else await flushWal(em);
}

async function confirm(flusher: DedicatedStatement, statements: readonly DedicatedStatement[]): Promise<void> {
  try {
    for (const s of statements) await s.run();
    // An after-commit statement leaves the WAL flushed past the COMMIT (DbOptions.afterCommit). Otherwise the flush,
    // on the ORM's own connection, not a pooled one (dedicated-statement.ts).
    if (!statements.length) await flusher.run();
  } catch (e) {
    throw new CommitUnconfirmed(e);
  }
}

/**
 * Makes everything committed so far durable: after reading positions, before answering with them. Inside a
 * transaction it runs on that transaction's connection (the message is not transactional, so it flushes at once):
 * a second pooled connection, asked for while this one is held, could wait for ever on a small pool.
 */
export async function flushWal(em: EntityManager): Promise<void> {
  if (em.isInTransaction()) await em.execute(FLUSH_WAL_SQL);
  else await em.getConnection().execute(FLUSH_WAL_SQL);
}

/**
 * The transaction committed, but the WAL flush after its COMMIT failed (the database gone, or the flush not done in
 * time): the write reaches the disk unless the server crashed first, so its outcome is unknown, and the caller must
 * not take it for a write that did not happen.
 */
export class CommitUnconfirmed extends Error {
  constructor(cause: unknown) {
    super('committed, but what must follow the COMMIT (the flush to disk, the journal) failed', { cause });
    this.name = 'CommitUnconfirmed';
  }
}

/**
 * Registered on every ORM (openOrm): after the commit of each transaction marked by flushAfterCommit or
 * runAfterCommit, runs the statements it asked for, or else flushes the WAL.
 */
export class GroupCommitSubscriber implements EventSubscriber {
  constructor(private readonly a: AfterCommit) {}

  async afterTransactionCommit(args: TransactionEventArgs): Promise<void> {
    const trx = args.transaction as object | undefined;
    if (!trx || !toFlush.has(trx)) return;
    await confirm(
      this.a.flusher,
      [...(toRun.get(trx) ?? [])].map((n) => this.a.statements.get(n)!),
    );
  }
}
