import { AppError } from '../errors.js';

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

/** `e` as databaseUnavailable when it is a connection failure, else `e` itself. */
export const blameDatabase = (subgraph: string, e: unknown): unknown =>
  isDatabaseUnreachable(e) ? databaseUnavailable(subgraph) : e;
