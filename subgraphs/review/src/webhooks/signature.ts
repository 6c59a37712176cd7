import { createHmac, timingSafeEqual } from 'node:crypto';

/** Header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`. */
export const SIGNATURE_HEADER = 'x-tsp-signature';
export const EVENT_ID_HEADER = 'x-tsp-event-id';

function hmacHex(secret: string, t: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest('hex');
}

/** The header value the platform sends with a body at time `t` (unix seconds). */
export function signWebhook(
  secret: string,
  rawBody: string | Buffer,
  t: number = Math.floor(Date.now() / 1000),
): string {
  return `t=${t},v1=${hmacHex(secret, t, rawBody)}`;
}

export type VerifyResult = { ok: true; timestamp: number } | { ok: false; reason: string };

/**
 * Receiver-side check (for integrators): the body was signed with the shared secret, and the
 * timestamp is within `toleranceSeconds` of `now` (default 300 s), so a captured request cannot be
 * replayed later. Pass the raw request body exactly as received (before any JSON parsing).
 * Several `v1=` values are accepted (any match), which allows secret rotation on the sender side.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | null | undefined,
  rawBody: string | Buffer,
  opts: { toleranceSeconds?: number; now?: Date | number } = {},
): VerifyResult {
  if (!header) return { ok: false, reason: 'missing signature header' };
  let t: number | undefined;
  const signatures: string[] = [];
  for (const part of header.split(',')) {
    const [k, v] = part.trim().split('=', 2);
    if (k === 't' && /^\d{1,12}$/.test(v ?? '')) t = Number(v);
    else if (k === 'v1' && /^[0-9a-f]{64}$/i.test(v ?? '')) signatures.push(v.toLowerCase());
  }
  if (t === undefined) return { ok: false, reason: 'signature header has no timestamp (t=)' };
  if (signatures.length === 0) return { ok: false, reason: 'signature header has no v1 signature' };
  const tolerance = opts.toleranceSeconds ?? 300;
  const nowMs = opts.now instanceof Date ? opts.now.getTime() : (opts.now ?? Date.now());
  if (Math.abs(Math.floor(nowMs / 1000) - t) > tolerance)
    return { ok: false, reason: `timestamp outside the ${tolerance} s tolerance (possible replay)` };
  const expected = Buffer.from(hmacHex(secret, t, rawBody), 'hex');
  const match = signatures.some((s) => timingSafeEqual(Buffer.from(s, 'hex'), expected));
  return match ? { ok: true, timestamp: t } : { ok: false, reason: 'signature does not match' };
}
