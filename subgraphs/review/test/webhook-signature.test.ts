import { signWebhook, verifyWebhookSignature } from '../src/webhooks/signature';

const secret = 'a-secret-of-sixteen+';
const body = JSON.stringify({ id: 'e1', type: 'ReviewPassed', payload: { reviewId: 'r1' } });
const t = 1_760_000_000;
const at = (seconds: number) => new Date(seconds * 1000);

test('a signature made with the secret verifies within the tolerance', () => {
  const header = signWebhook(secret, body, t);
  expect(header).toMatch(/^t=1760000000,v1=[0-9a-f]{64}$/);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t + 10) })).toEqual({ ok: true, timestamp: t });
  expect(verifyWebhookSignature(secret, header, Buffer.from(body), { now: at(t - 10) }).ok).toBe(true);
});

test('a tampered body is rejected', () => {
  const header = signWebhook(secret, body, t);
  const r = verifyWebhookSignature(secret, header, body.replace('ReviewPassed', 'ReviewFailed'), { now: at(t) });
  expect(r).toEqual({ ok: false, reason: 'signature does not match' });
});

test('a signature made with another secret is rejected', () => {
  const header = signWebhook('another-secret-16chars', body, t);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t) }).ok).toBe(false);
});

test('an old (or future) timestamp is rejected even with a valid signature: replay protection', () => {
  const header = signWebhook(secret, body, t);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t + 301) })).toMatchObject({
    ok: false,
    reason: expect.stringContaining('tolerance'),
  });
  expect(verifyWebhookSignature(secret, header, body, { now: at(t - 301) }).ok).toBe(false);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t + 300) }).ok).toBe(true);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t + 3600), toleranceSeconds: 3600 }).ok).toBe(true);
});

test('a re-signed timestamp without the secret does not verify (the timestamp is covered by the signature)', () => {
  const header = signWebhook(secret, body, t).replace(`t=${t}`, `t=${t + 1000}`);
  expect(verifyWebhookSignature(secret, header, body, { now: at(t + 1000) }).ok).toBe(false);
});

test('malformed or missing headers are rejected, and any of several v1 values may match (rotation)', () => {
  expect(verifyWebhookSignature(secret, undefined, body).ok).toBe(false);
  expect(verifyWebhookSignature(secret, 'v1=abc', body, { now: at(t) }).ok).toBe(false);
  expect(verifyWebhookSignature(secret, `t=${t}`, body, { now: at(t) }).ok).toBe(false);
  const good = signWebhook(secret, body, t).split(',')[1];
  const old = signWebhook('old-secret-sixteen-chars', body, t).split(',')[1];
  expect(verifyWebhookSignature(secret, `t=${t},${old},${good}`, body, { now: at(t) }).ok).toBe(true);
});
