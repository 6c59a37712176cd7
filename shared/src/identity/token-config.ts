import { env } from '../config.js';

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
}
