import CircuitBreaker from 'opossum';

/** Why a dependency failed, in `extensions.reason` of DEPENDENCY_UNAVAILABLE. */
export type FailureReason = 'TIMEOUT' | 'UNREACHABLE' | 'CIRCUIT_OPEN' | 'HTTP_5XX';

/** A transport failure of an upstream (no answer, no connection, 5xx, or its breaker open): counts against it. */
export class DependencyFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'DependencyFailure';
  }
}

/**
 * The breaker rule (README § Readiness and timeouts), one breaker per upstream URL: it opens when, within
 * the last 10 s, at least 5 calls were made and more than half of them failed in transport; while open
 * every call fails at once (CIRCUIT_OPEN); after 5 s one trial call goes through and its outcome closes
 * or re-opens it. A GraphQL error answer, a 4xx, a refusal: the upstream answered, so it counts as success.
 */
export const BREAKER = { windowMs: 10_000, minCalls: 5, failurePercent: 50, openMs: 5_000 } as const;

const breakers = new Map<string, CircuitBreaker<[() => Promise<unknown>], unknown>>();

function breakerFor(key: string) {
  let b = breakers.get(key);
  if (!b) {
    b = new CircuitBreaker((call: () => Promise<unknown>) => call(), {
      timeout: false, // each caller bounds its own wait and aborts the request itself
      resetTimeout: BREAKER.openMs,
      rollingCountTimeout: BREAKER.windowMs,
      rollingCountBuckets: 10,
      volumeThreshold: BREAKER.minCalls,
      errorThresholdPercentage: BREAKER.failurePercent,
      enableSnapshots: false,
      errorFilter: (e: unknown) => !(e instanceof DependencyFailure),
    });
    breakers.set(key, b);
  }
  return b;
}

/**
 * Runs `call` through `key`'s breaker. `call` throws DependencyFailure for a transport failure (that
 * counts); anything else it throws or returns passes through unchanged.
 */
export async function throughBreaker<T>(key: string, call: () => Promise<T>): Promise<T> {
  try {
    return (await breakerFor(key).fire(call)) as T;
  } catch (e) {
    if ((e as { code?: string }).code === 'EOPENBREAKER')
      throw new DependencyFailure('CIRCUIT_OPEN', `failed repeatedly in the last ${BREAKER.windowMs / 1000} s`);
    throw e;
  }
}

/** 'closed' | 'open' | 'halfOpen' of `key`'s breaker ('closed' when it has none yet). */
export function breakerState(key: string): 'closed' | 'open' | 'halfOpen' {
  const b = breakers.get(key);
  return !b || b.closed ? 'closed' : b.halfOpen ? 'halfOpen' : 'open';
}

/**
 * Closes every breaker of this process. Tests that restart an upstream in-process call it, as they
 * expect the next call to reach the new instance at once rather than after the open interval.
 */
export function resetBreakers(): void {
  for (const b of breakers.values()) b.close();
}

/** Node's socket error codes that mean the upstream was not reached or dropped the connection. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** A low-level transport error as DependencyFailure UNREACHABLE; any other error unchanged. */
export function asTransportFailure(e: unknown): unknown {
  if (e instanceof DependencyFailure) return e;
  const code = (e as { code?: string } | null)?.code ?? (e as { cause?: { code?: string } } | null)?.cause?.code;
  return code && UNREACHABLE_CODES.has(code) ? new DependencyFailure('UNREACHABLE', (e as Error).message) : e;
}
