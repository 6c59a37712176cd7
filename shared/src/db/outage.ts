import { AppError } from '../errors.js';
import { CommitUnconfirmed } from './group-commit.js';

/** Socket errors of a connection to PostgreSQL that did not open or broke. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** SQLSTATEs of an unusable server: connection exception (08…), shutdown or start-up (57P01–03), too many clients */
const SERVER_STATES = /^(08...|57P0[123]|53300)$/;
/** What pg and knex say when a connection times out, is cut, or cannot be taken from the pool in time. */
const MESSAGES = new RegExp(
  [
    'Connection terminated',
    'connection timeout',
    'timeout expired',
    'Timeout acquiring a connection',
    'Connection ended unexpectedly',
    'Client has encountered a connection error',
    'Client was closed',
  ].join('|'),
  'i',
);

/**
 * Whether an error means the database could not be reached (as opposed to a statement it refused).
 * MikroORM copies the driver error's fields onto its own exception; the chain of causes is followed too.
 */
export function isDatabaseUnreachable(e: unknown): boolean {
  let cur = e;
  for (let depth = 0; cur && typeof cur === 'object' && depth < 5; depth++, cur = (cur as { cause?: unknown }).cause) {
    const x = cur as { code?: unknown; name?: unknown; message?: unknown };
    if (typeof x.code === 'string' && (NETWORK_CODES.has(x.code) || SERVER_STATES.test(x.code))) return true;
    if (x.name === 'KnexTimeoutError') return true;
    if (typeof x.message === 'string' && MESSAGES.test(x.message)) return true;
  }
  return false;
}

/** DEPENDENCY_UNAVAILABLE that blames `<subgraph> database`, not the subgraph (which did answer). */
export const databaseUnavailable = (subgraph: string) =>
  new AppError('DEPENDENCY_UNAVAILABLE', `${subgraph} database did not answer / 数据库不可用`, {
    service: `${subgraph} database`,
    reason: 'UNREACHABLE',
  });

/**
 * DEPENDENCY_UNAVAILABLE for a write that committed but whose flush to disk failed (group-commit.ts): not
 * UNREACHABLE, which says nothing was written. Its commit did not wait for the disk, so a server that crashed may
 * have lost it: the outcome is unknown. A retry with the same Idempotency-Key is safe (it answers the kept result,
 * or writes again if the write was lost); without one, the caller must check before repeating.
 */
export const commitUnconfirmed = (subgraph: string) =>
  new AppError(
    'DEPENDENCY_UNAVAILABLE',
    `${subgraph} database: the write was committed but its flush to disk failed, so it may or may not have been ` +
      'kept; a retry with the same Idempotency-Key is safe, without one check before repeating / 已提交但未确认落盘',
    { service: `${subgraph} database`, reason: 'COMMIT_UNCONFIRMED' },
  );

/** The refusal for a database failure in `e` (a write not confirmed on disk, or an unreachable database), else null. */
export function databaseRefusal(subgraph: string, e: unknown): AppError | null {
  if (e instanceof CommitUnconfirmed) return commitUnconfirmed(subgraph);
  return isDatabaseUnreachable(e) ? databaseUnavailable(subgraph) : null;
}

/** `e` as its databaseRefusal when it has one, else `e` itself. */
export const blameDatabase = (subgraph: string, e: unknown): unknown => databaseRefusal(subgraph, e) ?? e;
