import { BlockList, isIP } from 'node:net';
import { lookup } from 'node:dns/promises';

/**
 * Addresses a webhook may never reach (SSRF protection): this host, private networks, link-local
 * (incl. the cloud metadata service 169.254.169.254), carrier-grade NAT, multicast and reserved.
 */
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
  ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) internal.addSubnet(net, prefix, 'ipv6');

/** The IPv4 address inside an IPv4-mapped/compatible IPv6 address (::ffff:a.b.c.d), if any. */
function embeddedIpv4(ip: string): string | null {
  const m = /^(?:0*:)*(?:ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) ?? /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (!m) return null;
  if (m.length === 2) return m[1];
  const hi = parseInt(m[1], 16);
  const lo = parseInt(m[2], 16);
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

/** True for an IP literal in one of the internal ranges; false for public addresses and for non-IPs. */
export function isInternalAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v = isIP(bare);
  if (v === 4) return internal.check(bare, 'ipv4');
  if (v === 6) {
    const v4 = embeddedIpv4(bare);
    return v4 ? internal.check(v4, 'ipv4') : internal.check(bare, 'ipv6');
  }
  return false;
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
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `must use http or https, not ${url.protocol.replace(':', '')} / 仅支持 http 或 https` };
  if (url.username || url.password) return { problem: 'must not contain a user name or password / 不得包含用户名或密码' };
  if (!url.hostname) return { problem: 'has no host / 缺少主机名' };
  url.hash = '';
  const hostname = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  return { url, hostname, port };
}

/** Normalises an allowlist entry: `host` (any port) or `host:port` (that port only); IPv6 in brackets. */
export function normalizeAllowedHost(raw: string): string | { problem: string } {
  const m = /^(\[[0-9a-f:.]+\]|[a-z0-9._-]+)(?::(\d{1,5}))?$/i.exec(raw.trim());
  const problem = 'must be a host name or host:port, without scheme or path (e.g. hooks.example.com or 203.0.113.5:8443) / 须为主机名或 主机:端口';
  if (!m || raw.length > 260) return { problem };
  if (m[2] && (Number(m[2]) < 1 || Number(m[2]) > 65535)) return { problem: `port ${m[2]} is out of range / 端口超出范围` };
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
  return bad ? `${hostname} resolves to the internal address ${bad} / 解析为内部地址` : null;
}
