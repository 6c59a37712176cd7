import { SignJWT, jwtVerify, createRemoteJWKSet, errors as joseErrors, type JWTPayload } from 'jose';
import { Role, type Identity, AGENCY_ROLES } from './roles.js';
import { env, jwtSecret, internalSecret } from '../config.js';
import { unauthenticated } from '../errors.js';

const enc = new TextEncoder();
let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

function claimsToIdentity(p: JWTPayload): Identity {
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

/** Verifies a user bearer token: JWKS (production) when JWKS_URL is set, else HS256 with JWT_SECRET. */
export async function verifyUserToken(token: string): Promise<Identity> {
  try {
    const url = env('JWKS_URL');
    if (url) {
      jwks ??= createRemoteJWKSet(new URL(url));
      return claimsToIdentity((await jwtVerify(token, jwks)).payload);
    }
    const { payload } = await jwtVerify(token, enc.encode(jwtSecret()), { algorithms: ['HS256'] });
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

/** Development tokens (npm run token) and test tokens. */
export async function signDevToken(claims: TokenClaims, ttl: string | number = '12h'): Promise<string> {
  const { sub, ...rest } = claims;
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(enc.encode(jwtSecret()));
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
