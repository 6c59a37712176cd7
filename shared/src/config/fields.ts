import proxyaddr from 'proxy-addr';
import { z } from 'zod';

/**
 * One variable's text turned into its value by `parse`, or an issue saying what was expected and what
 * was given: `expected a positive whole number, got "abc"` (schema.ts puts the variable's name first).
 */
export function field<T>(
  expected: string,
  parse: (text: string) => T | undefined,
  o: { secret?: boolean; shown?: (text: string) => string } = {},
) {
  return z.string().transform((text, ctx): T => {
    const value = parse(text);
    if (value !== undefined) return value;
    // A key is never echoed: the message reaches logs and terminals.
    const got = o.secret ? `a value of ${text.length} characters (not shown)` : (o.shown ?? JSON.stringify)(text);
    ctx.addIssue({ code: 'custom', message: `expected ${expected}, got ${got}` });
    return z.NEVER;
  });
}

const wholeNumber = (text: string): number | undefined => {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return undefined;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : undefined;
};

/** A count, milliseconds or bytes: 1 or more. */
export const positiveWhole = () =>
  field('a positive whole number', (t) => {
    const n = wholeNumber(t);
    return n !== undefined && n > 0 ? n : undefined;
  });

/** Milliseconds where 0 means "not at all" (e.g. no caching). */
export const nonNegativeWhole = () => field('a whole number, 0 or more', wholeNumber);

export const port = () =>
  field('a port number from 1 to 65535', (t) => {
    const n = wholeNumber(t);
    return n !== undefined && n >= 1 && n <= 65_535 ? n : undefined;
  });

/**
 * What a message shows of a URL it refuses: all of it, unless it has user info, a query or a fragment, where a
 * password may sit (`//user:password@`, `?password=`, as in PostgreSQL URLs); then only its scheme.
 */
export function urlForMessage(text: string): string {
  if (!/[@?#]/.test(text)) return JSON.stringify(text);
  const scheme = /^(?:[a-z][a-z0-9+.-]*:)+\/\//i.exec(text)?.[0] ?? '';
  return `${JSON.stringify(`${scheme}…`)} (the rest is not shown: it may hold a password)`;
}

/** A URL with one of `protocols`, kept as written. */
export const url = (protocols: readonly string[]) =>
  field(
    `a URL (${protocols.map((p) => p.replace(/:$/, '')).join(' or ')})`,
    (t) => {
      try {
        return protocols.includes(new URL(t).protocol) ? t : undefined;
      } catch {
        return undefined;
      }
    },
    { shown: urlForMessage },
  );

/** `1` or `0`: switches are written one way only, so `true`, `yes` or `on` are not silently read as off. */
export const flag = () => field('1 or 0', (t) => (t === '1' ? true : t === '0' ? false : undefined));

export const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  field(`one of ${values.join(', ')}`, (t) => values.find((v): v is T[number] => v === t));

/** Any non-empty text (an unset or empty variable never reaches a field). */
export const text = () => z.string();

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/** "90d", "12h", "30m", "45s" or plain seconds ("3600") → seconds; undefined when it is none of these. */
export function parseDurationSeconds(raw: string): number | undefined {
  const m = /^\s*(\d+)\s*([smhd]?)\s*$/i.exec(raw);
  if (!m) return undefined;
  const seconds = Number(m[1]) * UNIT_SECONDS[(m[2] || 's').toLowerCase()];
  return seconds > 0 && Number.isSafeInteger(seconds) ? seconds : undefined;
}

/** A duration such as 12h, 90d or 3600 (seconds), as seconds. */
export const durationSeconds = () => field('a duration such as 12h, 90d or 3600 (seconds)', parseDurationSeconds);

/** AES-256 needs exactly 32 bytes. */
export const SECRET_KEY_BYTES = 32;

/** A 32-byte key written as 64 hex characters, or base64/base64url; undefined when it is neither. */
export function decodeSecretKey(text: string): Buffer | undefined {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(t)) {
    const key = Buffer.from(t.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === SECRET_KEY_BYTES) return key;
  }
  return undefined;
}

/** The key's text, checked to be 32 bytes in hex or base64 (decoded where it is used). */
export const secretKey = () =>
  field(
    `${SECRET_KEY_BYTES} bytes as 64 hex characters or base64 (e.g. \`openssl rand -base64 32\`)`,
    (t) => (decodeSecretKey(t) ? t : undefined),
    { secret: true },
  );

/**
 * Addresses, CIDR ranges or proxy-addr's names (loopback, linklocal, uniquelocal), comma-separated: the reverse
 * proxies whose X-Forwarded-For may be believed. Checked here with proxy-addr itself, which reads them later.
 */
export const addressList = () =>
  field('addresses or CIDR ranges separated by commas (or loopback, linklocal, uniquelocal)', (t) => {
    const list = t
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean);
    try {
      proxyaddr.compile(list);
      return list;
    } catch {
      return undefined;
    }
  });
