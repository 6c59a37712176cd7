import type { IncomingMessage } from 'node:http';

import ipaddr from 'ipaddr.js';
import proxyaddr from 'proxy-addr';

/**
 * The header in which the gateway tells a subgraph the address its client connected from. A subgraph's /graphql
 * answers only callers holding the internal secret (the gateway and the other subgraphs), so the header is trusted
 * there; the gateway always sets it itself, so a client sending one of the same name changes nothing.
 */
export const CLIENT_ADDRESS_HEADER = 'x-tsp-client-address';

/**
 * A socket address as one canonical text: an IPv4-mapped IPv6 address (`::ffff:203.0.113.9`, what a dual-stack
 * listener reports for IPv4 clients) becomes the IPv4 address, IPv6 is written in its compact form; anything that
 * is not an address is `unknown` (every such caller then shares one count, which errs on the side of refusing).
 */
export function normaliseClientAddress(raw: string | undefined | null): string {
  const text = (raw ?? '').trim();
  if (!ipaddr.isValid(text)) return 'unknown';
  return ipaddr.process(text).toString();
}

/** The IPv4 address two 16-bit groups spell. */
const ipv4Of = (hi: number, lo: number) => ipaddr.fromByteArray([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]).toString();

/**
 * The key one client is counted under: an IPv4 address, or the /64 of an IPv6 one (a single subscriber usually
 * holds a whole /64, so counting single IPv6 addresses would let it choose as many as it likes). Tunnelled IPv6 is
 * counted as the IPv4 host behind it: a 6to4 address (2002::/16, RFC 3056) gives that host a whole /48 (65,536
 * /64s), and Teredo (2001::/32, RFC 4380) puts every client of one server in one /64 and the client's own address,
 * inverted, in the last 32 bits.
 */
export function clientCountingKey(address: string): string {
  if (!ipaddr.isValid(address)) return 'unknown';
  const a = ipaddr.process(address);
  if (a.kind() === 'ipv4') return a.toString();
  const p = (a as ipaddr.IPv6).parts;
  if (p[0] === 0x2002) return ipv4Of(p[1], p[2]);
  if (p[0] === 0x2001 && p[1] === 0) return ipv4Of(~p[6] & 0xffff, ~p[7] & 0xffff);
  const parts = (a as ipaddr.IPv6).toNormalizedString().split(':').slice(0, 4);
  return `${ipaddr.IPv6.parse(`${parts.join(':')}::`).toString()}/64`;
}

/**
 * Who sent a request: the socket's peer or, when that peer is one of `trustedProxies`, the nearest address in
 * X-Forwarded-For that is not a trusted proxy. proxy-addr walks the chain from the socket outwards, so a client
 * can prepend whatever it likes but cannot displace the address its proxy appended.
 */
export function clientAddressResolver(trustedProxies: readonly string[]): (req: IncomingMessage) => string {
  const trust = proxyaddr.compile([...trustedProxies]);
  return (req) => normaliseClientAddress(proxyaddr(req, trust));
}
