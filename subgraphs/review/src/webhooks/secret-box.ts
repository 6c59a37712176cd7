import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { webhookSecretKey } from './secret-key.js';

/**
 * Webhook secrets at rest: AES-256-GCM. Signing needs the secret itself, so it is encrypted, not
 * hashed. Stored layout: version (1 byte) ‖ IV (12) ‖ tag (16) ‖ ciphertext. The endpoint id is
 * authenticated data, so a sealed secret copied onto another endpoint's row does not open.
 */
export const SEALED_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** The stored secret cannot be opened: another key, or altered bytes. Never sign with a guess. */
export class WebhookSecretUnreadableError extends Error {
  constructor(readonly endpointId: string, why: string) {
    super(`webhook secret of endpoint ${endpointId} cannot be decrypted: ${why}`);
    this.name = 'WebhookSecretUnreadableError';
  }
}

export function sealSecret(endpointId: string, secret: string, key: Buffer = webhookSecretKey()): Buffer {
  const iv = randomBytes(IV_BYTES);
  const c = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  c.setAAD(Buffer.from(endpointId, 'utf8'));
  const ciphertext = Buffer.concat([c.update(secret, 'utf8'), c.final()]);
  return Buffer.concat([Buffer.from([SEALED_VERSION]), iv, c.getAuthTag(), ciphertext]);
}

export function openSecret(endpointId: string, sealed: Buffer, key: Buffer = webhookSecretKey()): string {
  if (sealed.length <= HEADER_BYTES) throw new WebhookSecretUnreadableError(endpointId, 'stored value is too short');
  if (sealed[0] !== SEALED_VERSION) throw new WebhookSecretUnreadableError(endpointId, `unknown format version ${sealed[0]}`);
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  d.setAAD(Buffer.from(endpointId, 'utf8'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(sealed.subarray(HEADER_BYTES)), d.final()]).toString('utf8');
  } catch {
    // GCM refuses to authenticate: the usual cause is a changed key, so say which variable to check.
    throw new WebhookSecretUnreadableError(endpointId, 'WEBHOOK_SECRET_KEY (or, when unset, INTERNAL_SECRET) is not the key it was encrypted with, or the stored bytes were altered');
  }
}
