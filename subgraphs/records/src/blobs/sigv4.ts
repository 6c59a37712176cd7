import { createHash, createHmac } from 'node:crypto';

/**
 * AWS Signature Version 4 for S3 requests signed in the Authorization header, with node:crypto
 * only: the attachment store needs four requests (HEAD, GET, PUT object; nothing else), which
 * does not justify the AWS SDK. Checked against AWS's published S3 examples (test/sigv4.test.ts).
 */

export const ALGORITHM = 'AWS4-HMAC-SHA256';
/** SHA-256 of the empty string: the payload hash of GET and HEAD. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SigV4Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** `s3` unless told otherwise. */
  service?: string;
}

export interface RequestToSign {
  method: string;
  url: URL;
  /** Extra headers to send; every header sent is signed. */
  headers?: Record<string, string>;
  /** Hex SHA-256 of the body, sent as x-amz-content-sha256 (S3 refuses a body that hashes otherwise). */
  payloadHash: string;
}

export interface SignedRequest {
  /** Every header to send, Authorization included (names lower-case). */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data, 'utf8').digest();

/** `20130524T000000Z`: ISO 8601 basic format, seconds precision, UTC. */
export function amzDate(d: Date): string {
  return d.toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/** RFC 3986 percent-encoding: everything but A-Z a-z 0-9 - _ . ~ (encodeURIComponent leaves !'()* alone). */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** S3 encodes each path segment once (no double encoding, no dot-segment normalisation). */
export function canonicalUri(url: URL): string {
  return url.pathname.split('/').map((seg) => uriEncode(decodeURIComponent(seg))).join('/') || '/';
}

/** Parameters sorted by encoded name then value; a parameter without a value signs as `name=`. */
export function canonicalQuery(url: URL): string {
  return [...url.searchParams]
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** Names lower-cased and sorted, values trimmed with inner runs of spaces collapsed. */
function normalise(headers: Record<string, string>): [string, string][] {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const n = name.toLowerCase();
    const v = value.trim().replace(/\s+/g, ' ');
    byName.set(n, byName.has(n) ? `${byName.get(n)},${v}` : v);
  }
  return [...byName].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export function canonicalRequest(method: string, url: URL, headers: Record<string, string>, payloadHash: string): string {
  const h = normalise(headers);
  return [
    method.toUpperCase(),
    canonicalUri(url),
    canonicalQuery(url),
    h.map(([n, v]) => `${n}:${v}\n`).join(''),
    h.map(([n]) => n).join(';'),
    payloadHash,
  ].join('\n');
}

export function credentialScope(date: Date, region: string, service: string): string {
  return `${amzDate(date).slice(0, 8)}/${region}/${service}/aws4_request`;
}

export function stringToSign(date: Date, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate(date), scope, sha256hex(canonical)].join('\n');
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, yyyymmdd), region), service), "aws4_request"). */
export function signingKey(secretAccessKey: string, dateStamp: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, dateStamp), region), service), 'aws4_request');
}

/** Signs `req` as of `date`, adding host, x-amz-date and x-amz-content-sha256 to the headers it signs. */
export function signRequest(req: RequestToSign, creds: SigV4Credentials, date = new Date()): SignedRequest {
  const service = creds.service ?? 's3';
  const headers: Record<string, string> = {};
  for (const [n, v] of Object.entries(req.headers ?? {})) headers[n.toLowerCase()] = v;
  headers.host = req.url.host;
  headers['x-amz-date'] = amzDate(date);
  headers['x-amz-content-sha256'] = req.payloadHash;
  const canonical = canonicalRequest(req.method, req.url, headers, req.payloadHash);
  const scope = credentialScope(date, creds.region, service);
  const toSign = stringToSign(date, scope, canonical);
  const signature = createHmac('sha256', signingKey(creds.secretAccessKey, amzDate(date).slice(0, 8), creds.region, service))
    .update(toSign, 'utf8')
    .digest('hex');
  const signedHeaders = normalise(headers).map(([n]) => n).join(';');
  headers.authorization = `${ALGORITHM} Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { headers, canonicalRequest: canonical, stringToSign: toSign, signature };
}
