import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

import ipaddr from 'ipaddr.js';

/**
 * Addresses a webhook may never reach (SSRF protection), classified by ipaddr.js: only its `unicast`
 * range is public. Everything else — this host, private networks, link-local (incl. the cloud metadata
 * service 169.254.169.254), carrier-grade NAT, unique-local, multicast, reserved, documentation and
 * benchmarking ranges — is internal.
 */
const PUBLIC_RANGE = 'unicast';

/**
 * The IPv4 address an IPv6 address carries, for the forms that route to it: IPv4-mapped (::ffff:a.b.c.d),
 * IPv4-compatible (::a.b.c.d, ::/96), NAT64 (64:ff9b::/96, RFC 6052), 6to4 (2002:aabb:ccdd::/16, RFC 3056)
 * and Teredo (2001:0::/32, client address in the last 32 bits, inverted). Null for other addresses.
 */
export function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null {
  const p = v6.parts;
  const fromWords = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 255, lo >> 8, lo & 255]);
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  // IPv4-compatible ::/96, except :: and ::1 themselves (ipaddr.js classifies those).
  if (p.slice(0, 6).every((w) => w === 0) && (p[6] !== 0 || p[7] > 1)) return fromWords(p[6], p[7]);
  if (p[0] === 0x64 && p[1] === 0xff9b && p.slice(2, 6).every((w) => w === 0)) return fromWords(p[6], p[7]);
  if (p[0] === 0x2002) return fromWords(p[1], p[2]);
  if (p[0] === 0x2001 && p[1] === 0) return fromWords(p[6] ^ 0xffff, p[7] ^ 0xffff);
  return null;
}

/** True for an IP literal outside the public unicast ranges (embedded IPv4 judged as IPv4); false for non-IPs. */
export function isInternalAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (!isIP(bare)) return false;
  const addr = ipaddr.parse(bare);
  if (addr.kind() === 'ipv6') {
    const v4 = embeddedIpv4(addr as ipaddr.IPv6);
    if (v4) return v4.range() !== PUBLIC_RANGE;
  }
  return addr.range() !== PUBLIC_RANGE;
}

export interface WebhookTarget {
  url: URL;
  /** Lower-case host name or IP literal without brackets. */
  hostname: string;
  port: number;
}

/** Parses a registration URL: http(s) only, no credentials in it. Returns a problem text or the target. */
export function parseWebhookUrl(raw: string): WebhookTarget | { problem: string } {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { problem: 'is not a valid absolute URL / 不是有效的网址' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `must use http or https, not ${url.protocol.replace(':', '')} / 仅支持 http 或 https` };
  if (url.username || url.password)
    return { problem: 'must not contain a user name or password / 不得包含用户名或密码' };
  if (!url.hostname) return { problem: 'has no host / 缺少主机名' };
  url.hash = '';
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { url, hostname, port };
}

/** Normalises an allowlist entry: `host` (any port) or `host:port` (that port only); IPv6 in brackets. */
export function normalizeAllowedHost(raw: string): string | { problem: string } {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(raw.trim());
  const problem =
    'must be a host name or host:port, without scheme or path (e.g. hooks.example.com or 203.0.113.5:8443) / 须为主机名或 主机:端口';
  if (!m || raw.length > 260) return { problem };
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 65535))
    return { problem: `port ${m[2]} is out of range / 端口超出范围` };
  let host: string;
  try {
    // The same normalisation URLs get (case, IDN, IPv6 compression), so entries compare equal to targets.
    host = new URL(`http://${m[1]}/`).hostname;
  } catch {
    return { problem };
  }
  return m[2] ? `${host}:${Number(m[2])}` : host;
}

/** The allowlist entry forms a target matches. */
export function allowlistKeys(t: WebhookTarget): string[] {
  const host = isIP(t.hostname) === 6 ? `[${t.hostname}]` : t.hostname;
  return [host, `${host}:${t.port}`];
}

/** Resolves a host to every address it has (an IP literal resolves to itself). */
export async function resolveAll(hostname: string): Promise<string[]> {
  if (isIP(hostname)) return [hostname];
  const found = await lookup(hostname, { all: true, verbatim: true });
  return found.map((a) => a.address);
}

/** Null when every address of the host is public; otherwise why not. DNS failures are problems too. */
export async function internalAddressProblem(hostname: string): Promise<string | null> {
  if (isInternalAddress(hostname)) return `${hostname} is an internal address / 不允许内部地址`;
  let addresses: string[];
  try {
    addresses = await resolveAll(hostname);
  } catch (e) {
    return `${hostname} does not resolve (${(e as NodeJS.ErrnoException).code ?? 'DNS error'}) / 无法解析主机名`;
  }
  if (addresses.length === 0) return `${hostname} does not resolve / 无法解析主机名`;
  const bad = addresses.find(isInternalAddress);
  // Which internal address is not said: the answer would let a registrant map internal DNS.
  return bad ? `${hostname} resolves to an internal address / 解析为内部地址` : null;
}
