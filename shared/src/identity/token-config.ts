import { config } from '../config.js';
import { parseDurationSeconds } from '../config/fields.js';

export { parseDurationSeconds };

/** How user tokens are checked in production: against the identity provider's published keys. */
export interface JwksConfig {
  url: URL;
  issuer: string;
  audience: string;
}

/**
 * JWKS_URL with the JWT_ISSUER and JWT_AUDIENCE it needs, or undefined without JWKS_URL (development:
 * HS256 with JWT_SECRET). The configuration refuses a JWKS_URL without both (see config/schema.ts).
 */
export function jwksConfig(): JwksConfig | undefined {
  const { JWKS_URL, JWT_ISSUER, JWT_AUDIENCE } = config();
  if (JWKS_URL === undefined || JWT_ISSUER === undefined || JWT_AUDIENCE === undefined) return undefined;
  return { url: new URL(JWKS_URL), issuer: JWT_ISSUER, audience: JWT_AUDIENCE };
}

/** Readable form of a number of seconds, as the limits are configured ("12h", "90d", "1h30m"). */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ] as const) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)}${unit}`);
    rest %= size;
  }
  return parts.join('') || '0s';
}

export interface TokenLifetimeLimits {
  /** Every role but INTEGRATOR, in seconds. */
  userSeconds: number;
  integratorSeconds: number;
}

/** USER_TOKEN_MAX_LIFETIME and INTEGRATOR_TOKEN_MAX_LIFETIME. */
export function tokenLifetimeLimits(): TokenLifetimeLimits {
  const c = config();
  return { userSeconds: c.USER_TOKEN_MAX_LIFETIME, integratorSeconds: c.INTEGRATOR_TOKEN_MAX_LIFETIME };
}

export function maxTokenLifetimeSeconds(role: string | undefined, limits = tokenLifetimeLimits()): number {
  return role === 'INTEGRATOR' ? limits.integratorSeconds : limits.userSeconds;
}

/**
 * Why a (signature-checked) token's validity period is not acceptable, or null. A token must carry `exp`,
 * and may be valid for at most the role's maximum: counted from `iat`, or from now when there is no
 * `iat` — and never from an `iat` in the future, which would let a far `exp` pass as a short lifetime.
 */
export function tokenLifetimeProblem(
  claims: { exp?: unknown; iat?: unknown; role?: unknown },
  nowSeconds: number,
  limits = tokenLifetimeLimits(),
): string | null {
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp))
    return 'token has no "exp" (expiry) claim; tokens without an expiry are refused / 令牌缺少有效期 (exp)';
  const hasIat = typeof claims.iat === 'number' && Number.isFinite(claims.iat);
  const issued = hasIat ? Math.min(claims.iat as number, nowSeconds) : nowSeconds;
  const lifetime = claims.exp - issued;
  const role = typeof claims.role === 'string' ? claims.role : undefined;
  const max = maxTokenLifetimeSeconds(role, limits);
  if (lifetime <= max) return null;
  const setting = role === 'INTEGRATOR' ? 'INTEGRATOR_TOKEN_MAX_LIFETIME' : 'USER_TOKEN_MAX_LIFETIME';
  return (
    `token lifetime ${formatDuration(lifetime)} exceeds the maximum of ${formatDuration(max)} ` +
    `for role ${role ?? '(none)'} (${setting}); ask for a shorter-lived token / 令牌有效期超过上限`
  );
}
