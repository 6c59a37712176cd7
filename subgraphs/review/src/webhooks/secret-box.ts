import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

import { webhookSecretKey, type WebhookSecretKeys, webhookSecretKeys } from './secret-key.js';

/**
 * Webhook secrets at rest: AES-256-GCM. Signing needs the secret itself, so it is encrypted, not
 * hashed. Stored layout: version (1 byte) ‖ IV (12) ‖ tag (16) ‖ ciphertext. The endpoint id is
 * authenticated data, so a sealed secret copied onto another endpoint's row does not open. Sealing
 * always uses the current key; opening also tries WEBHOOK_SECRET_KEY_PREVIOUS (key rotation, rotate.ts).
 */
export const SEALED_VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;

/** The stored secret cannot be opened: another key, or altered bytes. Never sign with a guess. */
export class WebhookSecretUnreadableError extends Error {
  constructor(
    readonly endpointId: string,
    why: string,
  ) {
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

/** Which key opened a sealed secret: the current one, or the previous one during a rotation. */
export type OpenedWith = 'current' | 'previous';

function decrypt(endpointId: string, sealed: Buffer, key: Buffer): string | null {
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const tag = sealed.subarray(1 + IV_BYTES, HEADER_BYTES);
  const d = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  d.setAAD(Buffer.from(endpointId, 'utf8'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(sealed.subarray(HEADER_BYTES)), d.final()]).toString('utf8');
  } catch {
    return null; // GCM refuses to authenticate: another key, or altered bytes.
  }
}

/**
 * Opens with the current key, else with the previous one (a rotation in progress), and says which.
 * The rotation uses `openedWith` to find rows still sealed under the previous key.
 */
export function openSealed(
  endpointId: string,
  sealed: Buffer,
  keys: WebhookSecretKeys = webhookSecretKeys(),
): { secret: string; openedWith: OpenedWith } {
  if (sealed.length <= HEADER_BYTES) throw new WebhookSecretUnreadableError(endpointId, 'stored value is too short');
  if (sealed[0] !== SEALED_VERSION)
    throw new WebhookSecretUnreadableError(endpointId, `unknown format version ${sealed[0]}`);
  const current = decrypt(endpointId, sealed, keys.current);
  if (current !== null) return { secret: current, openedWith: 'current' };
  if (keys.previous) {
    const previous = decrypt(endpointId, sealed, keys.previous);
    if (previous !== null) return { secret: previous, openedWith: 'previous' };
    throw new WebhookSecretUnreadableError(
      endpointId,
      'neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS is the key it was encrypted with, or the stored bytes were altered',
    );
  }
  // The usual cause is a changed key, so say which variable to check and how a key change is done.
  throw new WebhookSecretUnreadableError(
    endpointId,
    'WEBHOOK_SECRET_KEY (or, when unset, INTERNAL_SECRET) is not the key it was encrypted with, or the stored bytes were altered; after changing the key, set the old one as WEBHOOK_SECRET_KEY_PREVIOUS',
  );
}

/** The secret, opened with the current or (during a rotation) the previous key; a single key when given one. */
export function openSecret(
  endpointId: string,
  sealed: Buffer,
  keys: Buffer | WebhookSecretKeys = webhookSecretKeys(),
): string {
  return openSealed(endpointId, sealed, Buffer.isBuffer(keys) ? { current: keys, previous: null } : keys).secret;
}
