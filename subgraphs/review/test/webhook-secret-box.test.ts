import { randomBytes } from 'node:crypto';

import { overrideConfig } from '@tsp/shared';

import {
  openSealed,
  openSecret,
  SEALED_VERSION,
  sealSecret,
  WebhookSecretUnreadableError,
} from '../src/webhooks/secret-box';
import { parseSecretKey, webhookSecretKey, WebhookSecretKeyError, webhookSecretKeys } from '../src/webhooks/secret-key';

const secret = 'receiver-secret-0123456789';
const endpoint = '0b6f7a4e-8c1d-4d6e-9a5b-2f3c4d5e6f70';
const key = randomBytes(32);

const restores: (() => void)[] = [];
const override = (vars: Parameters<typeof overrideConfig>[0]) => restores.push(overrideConfig(vars));
afterEach(() => {
  while (restores.length) restores.pop()!();
});

test('a sealed secret opens with the same key and endpoint, and holds neither the secret nor a fixed IV', () => {
  const a = sealSecret(endpoint, secret, key);
  const b = sealSecret(endpoint, secret, key);
  expect(openSecret(endpoint, a, key)).toBe(secret);
  expect(a[0]).toBe(SEALED_VERSION);
  expect(a.length).toBe(1 + 12 + 16 + Buffer.byteLength(secret));
  expect(a.includes(Buffer.from(secret))).toBe(false);
  // A fresh IV each time: equal secrets do not give equal rows.
  expect(a.equals(b)).toBe(false);
});

test('a wrong key fails with a clear error instead of returning garbage', () => {
  const sealed = sealSecret(endpoint, secret, key);
  expect(() => openSecret(endpoint, sealed, randomBytes(32))).toThrow(WebhookSecretUnreadableError);
  expect(() => openSecret(endpoint, sealed, randomBytes(32))).toThrow(
    /endpoint 0b6f7a4e-.* cannot be decrypted: WEBHOOK_SECRET_KEY .* is not the key it was encrypted with/,
  );
});

test("altered bytes, another endpoint's id, an unknown version or a truncated value do not open", () => {
  const sealed = sealSecret(endpoint, secret, key);
  const flipped = Buffer.from(sealed);
  flipped[flipped.length - 1] ^= 1;
  expect(() => openSecret(endpoint, flipped, key)).toThrow(WebhookSecretUnreadableError);
  expect(() => openSecret('another-endpoint', sealed, key)).toThrow(WebhookSecretUnreadableError);
  const v2 = Buffer.from(sealed);
  v2[0] = 2;
  expect(() => openSecret(endpoint, v2, key)).toThrow(/unknown format version 2/);
  expect(() => openSecret(endpoint, sealed.subarray(0, 29), key)).toThrow(/too short/);
});

test('WEBHOOK_SECRET_KEY is read as 64 hex characters or base64 of 32 bytes; anything else is refused', () => {
  expect(parseSecretKey(key.toString('hex')).equals(key)).toBe(true);
  expect(parseSecretKey(key.toString('base64')).equals(key)).toBe(true);
  expect(parseSecretKey(key.toString('base64url')).equals(key)).toBe(true);
  for (const bad of [
    '',
    'short',
    key.toString('hex').slice(2),
    randomBytes(16).toString('base64'),
    randomBytes(33).toString('base64'),
  ]) {
    expect(() => parseSecretKey(bad)).toThrow(WebhookSecretKeyError);
  }
  override({ WEBHOOK_SECRET_KEY: key.toString('base64') });
  expect(webhookSecretKey().equals(key)).toBe(true);
  // The configuration refuses it (the service does not start), without showing the value.
  expect(() => override({ WEBHOOK_SECRET_KEY: 'not-a-key' })).toThrow(
    'WEBHOOK_SECRET_KEY: expected 32 bytes as 64 hex characters or base64 (e.g. `openssl rand -base64 32`), got a value of 9 characters (not shown)',
  );
});

test('unset, the key is derived from INTERNAL_SECRET: the same in every process, another for another secret', () => {
  override({ WEBHOOK_SECRET_KEY: undefined, INTERNAL_SECRET: 'internal-one' });
  const one = webhookSecretKey();
  expect(one.length).toBe(32);
  expect(webhookSecretKey().equals(one)).toBe(true);
  override({ INTERNAL_SECRET: 'internal-two' });
  expect(webhookSecretKey().equals(one)).toBe(false);
  // What development sealed stays readable as long as INTERNAL_SECRET is unchanged.
  override({ INTERNAL_SECRET: 'internal-one' });
  expect(openSecret(endpoint, sealSecret(endpoint, secret))).toBe(secret);
});

test('during a rotation the previous key still opens what it sealed; sealing uses only the current key', () => {
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);
  const keys = { current: newKey, previous: oldKey };
  const underOld = sealSecret(endpoint, secret, oldKey);
  expect(openSealed(endpoint, underOld, keys)).toEqual({ secret, openedWith: 'previous' });
  expect(openSealed(endpoint, sealSecret(endpoint, secret, newKey), keys)).toEqual({ secret, openedWith: 'current' });
  // Without the previous key the old row is unreadable, and the message says which variable to set.
  expect(() => openSecret(endpoint, underOld, newKey)).toThrow(/set the old one as WEBHOOK_SECRET_KEY_PREVIOUS/);

  // From the environment: the worker's default.
  override({ WEBHOOK_SECRET_KEY: newKey.toString('hex'), WEBHOOK_SECRET_KEY_PREVIOUS: oldKey.toString('base64') });
  expect(openSecret(endpoint, underOld)).toBe(secret);
  const fresh = sealSecret(endpoint, secret);
  expect(openSecret(endpoint, fresh, newKey)).toBe(secret);
  expect(() => openSecret(endpoint, fresh, oldKey)).toThrow(WebhookSecretUnreadableError);
});

test('a secret sealed under a third key opens with neither, and the error names both variables', () => {
  const sealed = sealSecret(endpoint, secret, randomBytes(32));
  const keys = { current: randomBytes(32), previous: randomBytes(32) };
  expect(() => openSealed(endpoint, sealed, keys)).toThrow(WebhookSecretUnreadableError);
  expect(() => openSealed(endpoint, sealed, keys)).toThrow(
    /endpoint 0b6f7a4e-.* cannot be decrypted: neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS is the key/,
  );
  // The previous key does not excuse altered bytes either.
  const tampered = sealSecret(endpoint, secret, keys.previous);
  tampered[tampered.length - 1] ^= 1;
  expect(() => openSealed(endpoint, tampered, keys)).toThrow(/neither/);
});

test('WEBHOOK_SECRET_KEY_PREVIOUS is optional, and when set is parsed like the key, naming itself when malformed', () => {
  override({ WEBHOOK_SECRET_KEY: key.toString('hex'), WEBHOOK_SECRET_KEY_PREVIOUS: undefined });
  expect(webhookSecretKeys().previous).toBeNull();
  override({ WEBHOOK_SECRET_KEY_PREVIOUS: '' });
  expect(webhookSecretKeys().previous).toBeNull();
  const old = randomBytes(32);
  override({ WEBHOOK_SECRET_KEY_PREVIOUS: old.toString('base64url') });
  expect(webhookSecretKeys().previous?.equals(old)).toBe(true);
  expect(webhookSecretKeys().current.equals(key)).toBe(true);
  expect(() => override({ WEBHOOK_SECRET_KEY_PREVIOUS: 'not-a-key' })).toThrow(
    /: WEBHOOK_SECRET_KEY_PREVIOUS: expected 32 bytes/,
  );
});
