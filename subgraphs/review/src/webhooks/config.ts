import { config } from '@tsp/shared';

/** Webhook settings from the configuration, read on every use (not at import) so tests can override them. */

/** `WEBHOOK_ALLOW_PRIVATE_ADDRESSES=1` relaxes only the internal-address check (tests, local development). */
export function allowPrivateAddresses(): boolean {
  return config().WEBHOOK_ALLOW_PRIVATE_ADDRESSES;
}

/** First retry delay (1000, 10000 under NODE_ENV=production); doubles per failed attempt (see backoff.ts). */
export function retryBaseMs(): number {
  return config().WEBHOOK_RETRY_BASE_MS;
}

/** A delivery must answer 2xx within this time. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/** NOTIFY payload (on the shared events channel) that wakes only webhook workers, e.g. after a replay. */
export const WEBHOOK_WAKE = 'review.webhooks';
