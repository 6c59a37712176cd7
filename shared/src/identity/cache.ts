import { decodeJwt } from 'jose';

import { config } from '../config.js';
import { TextCache } from '../text-cache.js';
import { identityFromHeader } from './jwt.js';
import type { Identity } from './roles.js';

/** Tokens whose identity is kept (one client sends the same token with every request). */
const KEPT_TOKENS = 2_000;
const KEPT_CHARS = 4_000_000;
/**
 * How long a verified token is taken on trust: a key withdrawn from the identity provider's key set
 * stops being honoured within this (jose itself keeps fetched keys for minutes), an expired token at once.
 */
const TRUST_MS = 60_000;

interface Kept {
  identity: Identity;
  /** Until when (ms): the token's `exp`, at most TRUST_MS after it was verified. */
  until: number;
  /** The configuration it was verified under: new secrets or keys verify every token again. */
  under: object;
}

/**
 * identityFromHeader, remembering what a token verified to (the gateway's edge and every subgraph: each
 * request reaches a subgraph with the caller's token, which it verifies again). Verifying an HS256 token anew costs
 * 0.1–0.3 ms of CPU per request (key import, HMAC, claims) for an answer that cannot change until the
 * token expires: only successes are kept, each until its `exp` (at most TRUST_MS), and only for the very
 * header text that was verified. A bad, expired or malformed token is verified (and refused) every time.
 */
export function cachedIdentityFromHeader(
  verify: (header: string | undefined) => Promise<Identity> = identityFromHeader,
  now: () => number = Date.now,
): (header: string | undefined) => Promise<Identity> {
  const kept = new TextCache<Kept>(KEPT_TOKENS, KEPT_CHARS);
  return async (header) => {
    if (!header) return verify(header);
    const under = config();
    const k = kept.get(header);
    if (k && k.under === under && now() < k.until) return { ...k.identity };
    const identity = await verify(header);
    const { exp } = decodeJwt(header.trim().replace(/^Bearer\s+/i, ''));
    if (typeof exp === 'number') kept.set(header, { identity, until: Math.min(exp * 1000, now() + TRUST_MS), under });
    return { ...identity };
  };
}
