import { hkdfSync } from 'node:crypto';

import { config, decodeSecretKey, internalSecret, logger, SECRET_KEY_BYTES } from '@tsp/shared';

const log = logger('review:webhooks');

/** Fixed HKDF salt/info: the development key must come out the same in every process (migration, subgraph). */
const DEV_SALT = 'tsp.review.webhook-secret-key';
const DEV_INFO = 'webhook secrets at rest, AES-256-GCM, development';

let warned = false;

/** WEBHOOK_SECRET_KEY is set but is not a 32-byte key. */
export class WebhookSecretKeyError extends Error {
  override name = 'WebhookSecretKeyError';
}

/** The variables that hold the key (and, during a rotation, the key before it). */
export type SecretKeyVar = 'WEBHOOK_SECRET_KEY' | 'WEBHOOK_SECRET_KEY_PREVIOUS';

/** Parses a key variable: 64 hex characters, or base64/base64url of 32 bytes. */
export function parseSecretKey(text: string, name: SecretKeyVar = 'WEBHOOK_SECRET_KEY'): Buffer {
  const key = decodeSecretKey(text);
  if (key) return key;
  throw new WebhookSecretKeyError(
    `${name} must be ${SECRET_KEY_BYTES} bytes written as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`)`,
  );
}

/**
 * The key that encrypts webhook secrets at rest. Production sets WEBHOOK_SECRET_KEY (kept outside
 * the database, the same for the migration and every review instance). Unset, a key is derived from
 * INTERNAL_SECRET with HKDF so `npm start` works unconfigured; that is no protection against anyone
 * who knows INTERNAL_SECRET, hence the warning. Read on every use so tests can override it.
 */
export function webhookSecretKey(): Buffer {
  const configured = config().WEBHOOK_SECRET_KEY;
  if (configured !== undefined) return parseSecretKey(configured);
  if (!warned) {
    warned = true;
    log.warn(
      'WEBHOOK_SECRET_KEY is unset: webhook secrets are encrypted with a key derived from INTERNAL_SECRET (development only)',
    );
  }
  return Buffer.from(hkdfSync('sha256', internalSecret(), DEV_SALT, DEV_INFO, SECRET_KEY_BYTES));
}

/**
 * The keys secrets are opened with: `current` seals and opens; `previous` (only during a rotation)
 * opens what was sealed before the key changed, until `npm run rotate-webhook-key` re-seals it.
 */
export interface WebhookSecretKeys {
  current: Buffer;
  previous: Buffer | null;
}

/** WEBHOOK_SECRET_KEY and WEBHOOK_SECRET_KEY_PREVIOUS, read on every use (like webhookSecretKey). */
export function webhookSecretKeys(): WebhookSecretKeys {
  const previous = config().WEBHOOK_SECRET_KEY_PREVIOUS;
  return {
    current: webhookSecretKey(),
    previous: previous === undefined ? null : parseSecretKey(previous, 'WEBHOOK_SECRET_KEY_PREVIOUS'),
  };
}
