import {
  allowlistKeys,
  internalAddressProblem,
  isInternalAddress,
  normalizeAllowedHost,
  parseWebhookUrl,
} from '../src/webhooks/address';

test.each([
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['10.0.0.1', 'private 10/8'],
  ['10.255.255.255', 'private 10/8'],
  ['172.16.0.1', 'private 172.16/12'],
  ['172.31.255.254', 'private 172.16/12'],
  ['192.168.1.1', 'private 192.168/16'],
  ['169.254.169.254', 'cloud metadata'],
  ['169.254.1.1', 'link-local'],
  ['0.0.0.0', 'this host'],
  ['100.64.0.1', 'carrier-grade NAT'],
  ['::1', 'IPv6 loopback'],
  ['[::1]', 'bracketed IPv6 loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'unique local fc00::/7'],
  ['fd12:3456::1', 'unique local fc00::/7'],
  ['fe80::1', 'IPv6 link-local'],
  ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
  ['::ffff:a9fe:a9fe', 'IPv4-mapped metadata (hex form)'],
])('%s is internal (%s)', (ip) => {
  expect(isInternalAddress(ip)).toBe(true);
});

// The IPv6 forms that carry an IPv4 address: the embedded address is judged as IPv4, both ways.
test.each([
  ['::ffff:127.0.0.1', true],
  ['::ffff:7f00:1', true],
  ['::ffff:10.0.0.1', true],
  ['::ffff:8.8.8.8', false],
  ['::127.0.0.1', true],
  ['::7f00:1', true],
  ['::a9fe:a9fe', true],
  ['::808:808', false], // IPv4-compatible ::/96
  ['64:ff9b::7f00:1', true],
  ['64:ff9b::127.0.0.1', true],
  ['64:ff9b::c0a8:101', true],
  ['64:ff9b::808:808', false], // NAT64
  ['2002:7f00:1::', true],
  ['2002:a9fe:a9fe::1', true],
  ['2002:c0a8:0101:1::5', true],
  ['2002:808:808::', false], // 6to4
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', true],
  ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', false], // Teredo: 127.0.0.1 / 8.8.8.8
])('%s: internal %s', (ip, internal) => expect(isInternalAddress(ip)).toBe(internal));

test.each([
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'documentation'],
  ['100::1', 'discard'],
  ['224.0.0.1', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['198.18.0.1', 'benchmarking'],
  ['192.0.2.1', 'documentation'],
  ['192.0.0.8', 'IETF protocol assignments'],
  ['203.0.113.5', 'documentation (TEST-NET-3)'],
])('%s is internal (%s)', (ip) => expect(isInternalAddress(ip)).toBe(true));

test.each([
  '8.8.8.8',
  '172.15.255.255',
  '172.32.0.1',
  '192.169.0.1',
  '11.0.0.1',
  '2001:4860:4860::8888',
  '::ffff:8.8.8.8',
])('%s is public', (ip) => expect(isInternalAddress(ip)).toBe(false));

test('URLs: only http(s), no credentials; numeric host forms normalise to the address they mean', () => {
  expect(parseWebhookUrl('ftp://hooks.example.com/x')).toEqual({ problem: expect.stringContaining('http or https') });
  expect(parseWebhookUrl('not a url')).toEqual({ problem: expect.stringContaining('valid') });
  expect(parseWebhookUrl('https://user:pw@hooks.example.com/')).toEqual({
    problem: expect.stringContaining('password'),
  });
  const t = parseWebhookUrl('https://Hooks.Example.com/tsp?x=1');
  expect(t).toMatchObject({ hostname: 'hooks.example.com', port: 443 });
  // 2130706433 = 127.0.0.1: the parser turns it into the dotted form, which the check then refuses.
  const n = parseWebhookUrl('http://2130706433:8080/');
  expect(n).toMatchObject({ hostname: '127.0.0.1', port: 8080 });
  expect(isInternalAddress((n as { hostname: string }).hostname)).toBe(true);
});

test('allowlist entries: host (any port) or host:port; keys of a target match both forms', () => {
  expect(normalizeAllowedHost('Hooks.Example.com')).toBe('hooks.example.com');
  expect(normalizeAllowedHost('127.0.0.1:8443')).toBe('127.0.0.1:8443');
  expect(normalizeAllowedHost('[0:0::1]:80')).toBe('[::1]:80');
  expect(normalizeAllowedHost('https://hooks.example.com')).toEqual({ problem: expect.any(String) });
  expect(normalizeAllowedHost('hooks.example.com/path')).toEqual({ problem: expect.any(String) });
  expect(normalizeAllowedHost('h:70000')).toEqual({ problem: expect.stringContaining('range') });
  const t = parseWebhookUrl('http://[::1]:9000/x') as Parameters<typeof allowlistKeys>[0];
  expect(allowlistKeys(t)).toEqual(['[::1]', '[::1]:9000']);
  expect(allowlistKeys(parseWebhookUrl('https://a.example/') as Parameters<typeof allowlistKeys>[0])).toEqual([
    'a.example',
    'a.example:443',
  ]);
});

test('resolution is checked too: localhost resolves to loopback; a public literal passes without DNS', async () => {
  expect(await internalAddressProblem('localhost')).toMatch(/internal address/);
  // Which address is not said: that would map internal DNS for the registrant.
  expect(await internalAddressProblem('localhost')).not.toMatch(/127\.0\.0\.1|::1/);
  expect(await internalAddressProblem('10.1.2.3')).toMatch(/internal address/);
  expect(await internalAddressProblem('1.1.1.1')).toBeNull();
  expect(await internalAddressProblem('no-such-host.invalid')).toMatch(/does not resolve/);
});
