import { hkdfSync } from 'node:crypto';
import { env, internalSecret, logger } from '@tsp/shared';

const log = logger('review:webhooks');

/** AES-256 needs exactly 32 bytes. */
export const SECRET_KEY_BYTES = 32;

/** Fixed HKDF salt/info: the development key must come out the same in every process (migration, subgraph). */
const DEV_SALT = 'tsp.review.webhook-secret-key';
const DEV_INFO = 'webhook secrets at rest, AES-256-GCM, development';

let warned = false;

/** WEBHOOK_SECRET_KEY is set but is not a 32-byte key. */
export class WebhookSecretKeyError extends Error {
  override name = 'WebhookSecretKeyError';
}

/** Parses WEBHOOK_SECRET_KEY: 64 hex characters, or base64/base64url of 32 bytes. */
export function parseSecretKey(text: string): Buffer {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  throw new WebhookSecretKeyError(`WEBHOOK_SECRET_KEY must be ${SECRET_KEY_BYTES} bytes written as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`)`);
}

/**
 * The key that encrypts webhook secrets at rest. Production sets WEBHOOK_SECRET_KEY (kept outside
 * the database, the same for the migration and every review instance). Unset, a key is derived from
 * INTERNAL_SECRET with HKDF so `npm start` works unconfigured; that is no protection against anyone
 * who knows INTERNAL_SECRET, hence the warning. Read on every use so tests can change it.
 */
export function webhookSecretKey(): Buffer {
  const configured = env('WEBHOOK_SECRET_KEY');
  if (configured !== undefined) return parseSecretKey(configured);
  if (!warned) {
    warned = true;
    log.warn('WEBHOOK_SECRET_KEY is unset: webhook secrets are encrypted with a key derived from INTERNAL_SECRET (development only)');
  }
  return Buffer.from(hkdfSync('sha256', internalSecret(), DEV_SALT, DEV_INFO, SECRET_KEY_BYTES));
}
