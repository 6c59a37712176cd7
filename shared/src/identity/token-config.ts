import { env, type EnvVar } from '../config.js';

/** How user tokens are checked in production: against the identity provider's published keys. */
export interface JwksConfig {
  url: URL;
  issuer: string;
  audience: string;
}

/**
 * JWKS_URL with the JWT_ISSUER and JWT_AUDIENCE it needs, or undefined without JWKS_URL (development:
 * HS256 with JWT_SECRET). Without an issuer and audience check, a token the same identity provider
 * issued to another application or tenant would be accepted, so a half-configured JWKS mode throws,
 * naming what is missing.
 */
export function jwksConfig(): JwksConfig | undefined {
  const raw = env('JWKS_URL');
  if (!raw) return undefined;
  const issuer = env('JWT_ISSUER');
  const audience = env('JWT_AUDIENCE');
  const missing = [issuer ? '' : 'JWT_ISSUER', audience ? '' : 'JWT_AUDIENCE'].filter(Boolean);
  if (missing.length) throw new Error(`JWKS_URL is set, so ${missing.join(' and ')} must be set too (unset or empty)`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`JWKS_URL is not a URL: "${raw}"`);
  }
  return { url, issuer: issuer!, audience: audience! };
}

/** Called when the gateway or a subgraph starts: a misconfiguration must stop it, not refuse every user later. */
export function checkUserTokenConfig(): void {
  jwksConfig();
  tokenLifetimeLimits();
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90d", "12h", "30m", "45s" or plain seconds ("3600") → seconds; undefined when it is none of these. */
export function parseDurationSeconds(raw: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(raw);
  if (!m) return undefined;
  const seconds = Number(m[1]) * UNIT_SECONDS[(m[2] || 's').toLowerCase()];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** Readable form of a number of seconds, as the limits are configured ("12h", "90d", "1h30m"). */
export function formatDuration(seconds: number): string {
  const parts: string[] = [];
  let rest = Math.max(0, Math.round(seconds));
  for (const [unit, size] of [['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (rest >= size) parts.push(`${Math.floor(rest / size)}${unit}`);
    rest %= size;
  }
  return parts.join('') || '0s';
}

export const DEFAULT_USER_TOKEN_MAX_LIFETIME = '12h';
/** Integrators are machines holding a long-lived credential for a feed (webhooks, subscriptions), not people. */
export const DEFAULT_INTEGRATOR_TOKEN_MAX_LIFETIME = '90d';

export interface TokenLifetimeLimits {
  /** Every role but INTEGRATOR, in seconds. */
  userSeconds: number;
  integratorSeconds: number;
}

function lifetimeSetting(name: EnvVar, fallback: string): number {
  const raw = env(name) || fallback;
  const seconds = parseDurationSeconds(raw);
  if (seconds === undefined)
    throw new Error(`${name} must be a duration such as 12h, 90d or 3600 (seconds), not "${raw}"`);
  return seconds;
}

/** USER_TOKEN_MAX_LIFETIME and INTEGRATOR_TOKEN_MAX_LIFETIME (read on each call, so tests may change them). */
export function tokenLifetimeLimits(): TokenLifetimeLimits {
  return {
    userSeconds: lifetimeSetting('USER_TOKEN_MAX_LIFETIME', DEFAULT_USER_TOKEN_MAX_LIFETIME),
    integratorSeconds: lifetimeSetting('INTEGRATOR_TOKEN_MAX_LIFETIME', DEFAULT_INTEGRATOR_TOKEN_MAX_LIFETIME),
  };
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
  return `token lifetime ${formatDuration(lifetime)} exceeds the maximum of ${formatDuration(max)} ` +
    `for role ${role ?? '(none)'} (${setting}); ask for a shorter-lived token / 令牌有效期超过上限`;
}
