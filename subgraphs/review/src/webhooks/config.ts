/**
 * Webhook settings from the environment. Read on every use (not at import) so a process, and the
 * tests, can change them at run time. To be listed in shared/src/config.ts ENV_VARS by the lead.
 */

/** `WEBHOOK_ALLOW_PRIVATE_ADDRESSES=1` relaxes only the internal-address check (tests, local development). */
export function allowPrivateAddresses(): boolean {
  return process.env.WEBHOOK_ALLOW_PRIVATE_ADDRESSES === '1';
}

/** Development default; production should set WEBHOOK_RETRY_BASE_MS (recommended 10000). */
export const DEFAULT_RETRY_BASE_MS = 1000;
export const PRODUCTION_RETRY_BASE_MS = 10_000;

/** First retry delay; doubles per failed attempt (see backoff.ts). */
export function retryBaseMs(): number {
  const raw = process.env.WEBHOOK_RETRY_BASE_MS;
  const n = raw ? Number(raw) : NaN;
  if (Number.isFinite(n) && n >= 1) return Math.floor(n);
  return process.env.NODE_ENV === 'production' ? PRODUCTION_RETRY_BASE_MS : DEFAULT_RETRY_BASE_MS;
}

/** A delivery must answer 2xx within this time. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** NOTIFY payload (on the shared events channel) that wakes only webhook workers, e.g. after a replay. */
export const WEBHOOK_WAKE = 'review.webhooks';
