import { clientCountingKey, normaliseClientAddress } from '@tsp/shared';

/** The key a public write is counted under (rate limits): one per client, however many addresses it can pick from. */
describe('clientCountingKey', () => {
  test('IPv4 as it is, an IPv4-mapped address as its IPv4, anything else unknown', () => {
    expect(clientCountingKey('203.0.113.9')).toBe('203.0.113.9');
    expect(clientCountingKey(normaliseClientAddress('::ffff:203.0.113.9'))).toBe('203.0.113.9');
    expect(clientCountingKey('not an address')).toBe('unknown');
  });

  test('native IPv6 per /64: a subscriber’s own /64 is one client', () => {
    expect(clientCountingKey('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientCountingKey('2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(clientCountingKey('2001:db8:1:3::1')).not.toBe(clientCountingKey('2001:db8:1:2::1'));
  });

  test('6to4 (2002::/16): the whole /48 belongs to the IPv4 address inside, counted as that address', () => {
    // 2002:cb00:7101::/48 is 203.0.113.1's; its 65,536 /64s must not be 65,536 clients.
    expect(clientCountingKey('2002:cb00:7101:1::5')).toBe('203.0.113.1');
    expect(clientCountingKey('2002:cb00:7101:ffff::5')).toBe('203.0.113.1');
    expect(clientCountingKey('203.0.113.1')).toBe('203.0.113.1');
  });

  test('Teredo (2001::/32): counted as the client’s own IPv4 (the last 32 bits, inverted), not the server’s /64', () => {
    // RFC 4380's example: server 65.54.227.120, client 192.0.2.45 behind a NAT.
    expect(clientCountingKey('2001:0:4136:e378:8000:63bf:3fff:fdd2')).toBe('192.0.2.45');
    expect(clientCountingKey('2001:0:4136:e378:8000:63bf:3fff:fdd3')).toBe('192.0.2.44');
  });
});
