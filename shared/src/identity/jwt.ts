import { createRemoteJWKSet, decodeJwt, errors as joseErrors, type JWTPayload, jwtVerify, SignJWT } from 'jose';

import { config, internalSecret, jwtSecret } from '../config.js';
import { unauthenticated } from '../errors.js';
import { AGENCY_ROLES, type Identity, Role } from './roles.js';
import { jwksConfig, maxTokenLifetimeSeconds, tokenLifetimeProblem } from './token-config.js';

const enc = new TextEncoder();

/** Asymmetric only: an HS256 token must never pass as the identity provider's (JWT_SECRET is not the provider's key). */
const JWKS_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

/** One key set per URL: jose caches the keys and refetches on an unknown kid (key rotation). */
const jwksByUrl = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
function remoteKeys(url: URL): ReturnType<typeof createRemoteJWKSet> {
  let set = jwksByUrl.get(url.href);
  if (!set) jwksByUrl.set(url.href, (set = createRemoteJWKSet(url)));
  return set;
}

/** JWT_ISSUER and JWT_AUDIENCE are checked whenever set (required with JWKS_URL). */
const claimChecks = () => ({ issuer: config().JWT_ISSUER, audience: config().JWT_AUDIENCE });

/** jose's clock (it reads new Date(), not Date.now()), so expiry and lifetime are judged at the same instant. */
const nowSeconds = () => Math.floor(new Date().getTime() / 1000);

function claimsToIdentity(p: JWTPayload): Identity {
  const lifetimeProblem = tokenLifetimeProblem(p, nowSeconds());
  if (lifetimeProblem) throw unauthenticated(lifetimeProblem);
  const role = p.role as Role;
  if (!Object.values(Role).includes(role)) throw unauthenticated(`unknown role "${String(p.role)}" in token`);
  if (typeof p.sub !== 'string' || !p.sub) throw unauthenticated('token has no sub');
  const id: Identity = { role, sub: p.sub };
  if (typeof p.agencyId === 'string') id.agencyId = p.agencyId;
  if (typeof p.region === 'string') id.region = p.region;
  if (Array.isArray(p.agencyIds)) id.agencyIds = p.agencyIds.filter((x): x is string => typeof x === 'string');
  if (AGENCY_ROLES.includes(role) && !id.agencyId) throw unauthenticated(`role ${role} needs an agencyId claim`);
  if (role === Role.SUPERVISOR && !id.region) throw unauthenticated('role SUPERVISOR needs a region claim');
  if (role === Role.INTEGRATOR && !id.region && !id.agencyIds?.length && !id.agencyId)
    throw unauthenticated('role INTEGRATOR needs agencyIds, agencyId or region');
  return id;
}

/**
 * Verifies a user bearer token: against the identity provider's keys (production) when JWKS_URL is
 * set, with its issuer and audience; else HS256 with JWT_SECRET. Either way the token must expire
 * (`exp`) within its role's maximum lifetime (USER_TOKEN_MAX_LIFETIME, INTEGRATOR_TOKEN_MAX_LIFETIME).
 */
export async function verifyUserToken(token: string): Promise<Identity> {
  const jwks = jwksConfig();
  try {
    if (jwks) {
      const { payload } = await jwtVerify(token, remoteKeys(jwks.url), {
        issuer: jwks.issuer,
        audience: jwks.audience,
        algorithms: JWKS_ALGORITHMS,
      });
      return claimsToIdentity(payload);
    }
    const { payload } = await jwtVerify(token, enc.encode(jwtSecret()), { ...claimChecks(), algorithms: ['HS256'] });
    return claimsToIdentity(payload);
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw unauthenticated('token expired / 令牌已过期');
    if (e instanceof joseErrors.JOSEError) throw unauthenticated(`invalid token: ${e.message}`);
    throw e;
  }
}

/** Parses an Authorization header; no header = the public. */
export async function identityFromHeader(header: string | undefined): Promise<Identity> {
  if (!header) return { role: null };
  const m = /^Bearer\s+(.+)$/i.exec(header.trim());
  if (!m) throw unauthenticated('Authorization must be "Bearer <token>"');
  return verifyUserToken(m[1]);
}

export interface TokenClaims {
  role: Role;
  sub: string;
  agencyId?: string;
  region?: string;
  agencyIds?: string[];
}

/** The lifetime a development token gets when none is asked for: 12 h, or the role's maximum if shorter. */
export function defaultDevTokenTtlSeconds(role: Role): number {
  return Math.min(12 * 3600, maxTokenLifetimeSeconds(role));
}

/**
 * Development tokens (npm run token) and test tokens. `ttl` as jose takes it: a span ("12h", "60d") or an
 * absolute `exp` in epoch seconds. A token the platform would refuse as too long-lived is not signed:
 * this throws, naming the maximum.
 */
export async function signDevToken(claims: TokenClaims, ttl?: string | number): Promise<string> {
  const { sub, ...rest } = claims;
  const { issuer, audience } = claimChecks();
  const jwt = new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    // exp before iat: jose reads the clock for each, and an iat read in the next second still gives a
    // lifetime within ttl, where the other order gave ttl + 1 s and a refused token.
    .setExpirationTime(ttl ?? `${defaultDevTokenTtlSeconds(claims.role)}s`)
    .setIssuedAt();
  if (issuer) jwt.setIssuer(issuer);
  if (audience) jwt.setAudience(audience);
  const token = await jwt.sign(enc.encode(jwtSecret()));
  const problem = tokenLifetimeProblem(decodeJwt(token), nowSeconds());
  if (problem) throw new Error(problem);
  return token;
}

/** Short-lived service token for subgraph-to-subgraph calls, signed with the internal secret. */
export async function signServiceToken(service: string): Promise<string> {
  return new SignJWT({ svc: service })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(enc.encode(internalSecret()));
}

export async function verifyServiceToken(token: string): Promise<string> {
  try {
    const { payload } = await jwtVerify(token, enc.encode(internalSecret()), { algorithms: ['HS256'] });
    if (typeof payload.svc !== 'string') throw unauthenticated('service token without svc');
    return payload.svc;
  } catch (e) {
    if (e instanceof joseErrors.JOSEError) throw unauthenticated(`invalid service token: ${e.message}`);
    throw e;
  }
}
