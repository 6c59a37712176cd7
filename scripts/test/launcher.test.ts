import { Role } from '@tsp/shared';

import { BACKOFF, nextAttempt, restartDelayMs } from '../src/launcher/backoff';
import { parseCpuSeconds } from '../src/launcher/cpu';
import { demoClaims, type DemoOfficer, matchAgency, missingScope, refuseRemoteGateway } from '../src/launcher/demo';
import { serviceAddresses } from '../src/launcher/ports';
// Plain JavaScript (it runs before anything is built).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { staleReason } = require('../build-if-stale.js') as {
  staleReason(
    projects: { name: string; builtAt?: number; inputs: { path: string; mtimeMs: number }[] }[],
    required?: { path: string; exists: boolean }[],
  ): string | undefined;
};

describe('restart backoff', () => {
  test('1 s, 2 s, 4 s … doubling, never over 30 s', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6, 50].map((a) => restartDelayMs(a));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });
  test('a crash loop climbs the schedule; a crash after a healthy minute starts again at 1 s', () => {
    let attempt = -1;
    const delays = [500, 800, 300].map((upMs) => restartDelayMs((attempt = nextAttempt(attempt, upMs))));
    expect(delays).toEqual([1000, 2000, 4000]);
    attempt = nextAttempt(attempt, BACKOFF.resetAfterMs);
    expect(restartDelayMs(attempt)).toBe(1000);
  });
});

test('CPU seconds from /proc/<pid>/stat: utime + stime, after a command name with spaces and parentheses', () => {
  const stat = '4242 (node (my app)) S 1 4242 4242 0 -1 4194304 100 0 0 0 250 70 0 0 20 0 11 0 12345 0 0';
  expect(parseCpuSeconds(stat)).toBeCloseTo(3.2);
  expect(parseCpuSeconds('garbage')).toBeUndefined();
});

describe('where npm start runs the services', () => {
  test('defaults 4000–4006; *_URL and GATEWAY_URL move them', () => {
    const d = serviceAddresses(() => undefined);
    expect([d.gateway.port, d.personnel.port, d.disclosure.port, d.inspection.port, d.supervision.port]).toEqual([
      4000, 4001, 4004, 4005, 4006,
    ]);
    expect(d.records.health).toBe('http://127.0.0.1:4002/health');
    const given: Record<string, string> = {
      GATEWAY_URL: 'http://127.0.0.1:5100/graphql',
      REVIEW_URL: 'http://127.0.0.1:5103/graphql',
    };
    const moved = serviceAddresses((n) => given[n]);
    expect([moved.gateway.port, moved.review.port, moved.personnel.port]).toEqual([5100, 5103, 4001]);
    expect(moved.gateway.url).toBe('http://127.0.0.1:5100/graphql');
  });
});

describe('npm run token', () => {
  test('agency roles without an agency, a supervisor without a region, an integrator without a scope are refused', () => {
    for (const role of [Role.OFFICER, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD]) {
      expect(missingScope(role, {})).toMatch(/tokens need their agency: --agency .* or --demo/);
    }
    expect(missingScope(Role.SUPERVISOR, {})).toMatch(/--region/);
    expect(missingScope(Role.INTEGRATOR, {})).toMatch(/--agencies/);
    expect(missingScope(Role.OFFICER, { agency: 'a' })).toBeUndefined();
    expect(missingScope(Role.SUPERVISOR, { region: '宁晋县' })).toBeUndefined();
    expect(missingScope(Role.INTEGRATOR, { agencies: 'a,b' })).toBeUndefined();
    expect(missingScope(Role.ADMIN, {})).toBeUndefined();
  });

  const agencies = [
    { id: 'p', name: '宁晋县城乡规划局', region: '宁晋县' },
    { id: 'j', name: '宁晋县司法局', region: '宁晋县' },
  ];
  const officer = (id: string, position: string, roles: string[], status = 'VALID'): DemoOfficer => ({
    id,
    name: id,
    position,
    roles,
    credentials: status ? [{ status }] : [],
  });
  const staff = [
    officer('o1', '规划监察大队队员', ['ENFORCEMENT'], 'EXPIRED'),
    officer('o2', '规划监察大队队员', ['ENFORCEMENT']),
    officer('r1', '政策法规股股长', ['LEGAL_REVIEWER'], ''),
    officer('h1', '副局长', ['ENFORCEMENT']),
  ];

  test('--demo sends its ADMIN token to a gateway on this machine only', () => {
    for (const url of ['http://127.0.0.1:4000/graphql', 'http://localhost:4000/graphql', 'http://[::1]:4000/graphql']) {
      expect(() => refuseRemoteGateway(url)).not.toThrow();
    }
    for (const url of [
      'http://10.0.0.5:4000/graphql',
      'https://gateway.example.org/graphql',
      'http://[::ffff:8.8.8.8]/',
    ]) {
      expect(() => refuseRemoteGateway(url)).toThrow(/on this machine only/);
    }
  });

  test('--demo finds the one agency whose name contains the text, else names the candidates', () => {
    expect(matchAgency(agencies, '规划').id).toBe('p');
    expect(() => matchAgency(agencies, '局')).toThrow(/several agencies: 宁晋县城乡规划局, 宁晋县司法局/);
    expect(() => matchAgency(agencies, '税务')).toThrow(/no agency's name contains "税务"/);
  });

  test('--demo picks a person of the role: an officer with a valid credential, a reviewer, the head', () => {
    const p = agencies[0];
    expect(demoClaims(Role.OFFICER, p, staff).claims).toEqual({ role: Role.OFFICER, sub: 'o2', agencyId: 'p' });
    expect(demoClaims(Role.LEGAL_REVIEWER, p, staff).claims.sub).toBe('r1');
    expect(demoClaims(Role.AGENCY_HEAD, p, staff).claims.sub).toBe('h1');
    const supervisor = { role: Role.SUPERVISOR, sub: 'dev-supervisor', region: '宁晋县' };
    expect(demoClaims(Role.SUPERVISOR, p, []).claims).toEqual(supervisor);
    expect(() => demoClaims(Role.LEGAL_REVIEWER, p, staff.slice(0, 2))).toThrow(/no legal reviewer/);
  });
});

describe('build-if-stale', () => {
  const project = (builtAt: number | undefined, ...mtimes: number[]) => ({
    name: 'shared',
    builtAt,
    inputs: mtimes.map((m, i) => ({ path: `shared/src/f${i}.ts`, mtimeMs: m })),
  });
  const token = (exists: boolean) => [{ path: 'scripts/dist/token.js', exists }];
  test('current when every input is older than its project build', () => {
    expect(staleReason([project(100, 50, 99), project(200, 200)], token(true))).toBeUndefined();
  });
  test('stale when an input is newer, a project was never built, or the script to run is missing', () => {
    expect(staleReason([project(100, 50, 101)])).toBe('shared/src/f1.ts changed');
    expect(staleReason([project(undefined, 1)])).toBe('shared was never built');
    expect(staleReason([project(100, 1)], token(false))).toBe('scripts/dist/token.js is missing');
  });
});
