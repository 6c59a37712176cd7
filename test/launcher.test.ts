import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { childEnv, freePort, Role, shanghaiDate, signDevToken, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';
import { decodeJwt } from 'jose';

import { createTestDatabase, sql } from './kit/db';
import { until } from './kit/until';

/**
 * The real launcher (`node scripts/dist/start.js`, as npm start runs it) on a fresh database and
 * ports of its own: a first start interrupted during the seed (SIGINT) exits 0 with every service
 * 0, and the next start completes the demo without doubling anything; a subgraph killed with
 * SIGKILL is restarted and healthy again; `npm run token` refuses an OFFICER without an agency and
 * finds a demo officer with --demo; the demo shows the supervisor every finding kind (so the sandbox shows
 * supervision working on first start); SIGTERM stops everything with exit code 0.
 */
const ROOT = path.resolve(__dirname, '..');
// The launcher stops services in reverse start order: the gateway, then the registry's subgraphs backwards.
const ALL_ZERO = new RegExp(
  `stopped \\(exit codes: ${['gateway', ...[...SUBGRAPHS].reverse()].map((n) => `${n} 0`).join(', ')}\\)`,
);
const DEMO_OFFICERS = 8 + 7 + 9 + 22 + 6;

interface Launcher {
  proc: ChildProcess;
  lines: string[];
  exit: Promise<number | null>;
  /** Waits (polling the output, with a deadline) for a line matching `re`, from line `from` on; answers its index. */
  waitFor(re: RegExp, ms?: number, from?: number): Promise<number>;
}

let databaseUrl: string;
let env: NodeJS.ProcessEnv;
let gatewayUrl: string;
const running: Launcher[] = [];

function launch(): Launcher {
  const script = path.join(ROOT, 'scripts', 'dist', 'start.js');
  const proc = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  // Colour codes out, so the patterns read as the text does.
  for (const s of [proc.stdout!, proc.stderr!]) {
    readline
      .createInterface({ input: s })
      .on('line', (l) => lines.push(l.replace(new RegExp(String.raw`\u001b\[[0-9;]*m`, 'g'), '')));
  }
  const exit = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const l: Launcher = {
    proc,
    lines,
    exit,
    waitFor: (re, ms = 240_000, from = 0) =>
      until(
        `${re} in the launcher's output:\n${lines.slice(-30).join('\n')}`,
        () => {
          const i = lines.findIndex((line, n) => n >= from && re.test(line));
          if (i >= 0) return i;
          if (proc.exitCode !== null) {
            throw new Error(`launcher exited (${proc.exitCode}) before ${re}:\n${lines.slice(-30).join('\n')}`);
          }
          return undefined;
        },
        ms,
      ),
  };
  running.push(l);
  return l;
}

const count = async (table: string) =>
  Number((await sql<{ n: string }>(databaseUrl, `select count(*) as n from ${table}`))[0].n);
const seedComplete = async () =>
  (await sql(databaseUrl, `select 1 from launcher.seed_step where step = 'complete'`)).length === 1;

function runToken(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const script = path.join(ROOT, 'scripts', 'dist', 'token.js');
    const p = spawn(process.execPath, [script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.once('close', (code) => resolve({ code, out: out.trim(), err }));
  });
}

async function gql(query: string, token?: string, variables: object = {}) {
  const r = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await r.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  // The gateway's port, then one per registered subgraph.
  const ports = await Promise.all([null, ...SUBGRAPHS].map(() => freePort()));
  gatewayUrl = `http://127.0.0.1:${ports[0]}/graphql`;
  env = childEnv({ DATABASE_URL: databaseUrl, GATEWAY_URL: gatewayUrl, LOG_LEVEL: 'warn' });
  env.LAUNCHER_WAIT_MS = '240000';
  SUBGRAPHS.forEach((n, i) => (env[subgraphUrlVar(n)] = `http://127.0.0.1:${ports[i + 1]}/graphql`));
});

afterAll(async () => {
  // Only if a test failed midway: the services stop by themselves when the launcher's IPC closes.
  for (const l of running) if (l.proc.exitCode === null && l.proc.signalCode === null) l.proc.kill('SIGKILL');
  await Promise.all(running.map((l) => l.exit));
});

test('a first start interrupted during the seed exits 0; the next start completes the demo without doubling it', async () => {
  const first = launch();
  await first.waitFor(/seed: personnel: /);
  // Interrupt inside the personnel step, once part of it is written.
  await until('the first agency', async () => ((await count('personnel.agency')) > 0 ? true : undefined), 120_000);
  first.proc.kill('SIGINT');
  expect(await first.exit).toBe(0);
  await first.waitFor(ALL_ZERO, 1000);
  expect(await seedComplete()).toBe(false);
  // What the interrupted step wrote carries its keys, which the next start replays.
  expect(await count(`personnel.idempotency where key like 'demo-seed:personnel:%'`)).toBeGreaterThan(0);

  const second = launch();
  await second.waitFor(/completing the demo data an earlier start did not finish/);
  await second.waitFor(/ready in /);
  // The web app's addresses, each answering the app's page.
  const base = gatewayUrl.replace(/\/graphql$/, '');
  await second.waitFor(new RegExp(`Portal: +${base}/ `));
  await second.waitFor(new RegExp(`Dashboard: +${base}/supervision `));
  for (const page of ['/', '/supervision'])
    expect((await fetch(`${base}${page}`)).headers.get('content-type')).toMatch(/html/);
  expect(await seedComplete()).toBe(true);
  expect(await count('personnel.agency')).toBe(5);
  expect(await count('personnel.officer')).toBe(DEMO_OFFICERS);
  expect(second.lines.some((l) => /seed: legacy decisions/.test(l))).toBe(true);
}, 600_000);

test('when ready the launcher prints demo ids and a supervisor token that works', async () => {
  const l = running[1];
  await l.waitFor(/Ctrl-C stops everything/, 60_000);
  const ids = l.lines.find((x) => /Demo ids:|Tokens:/.test(x));
  expect(ids).toMatch(/Demo ids: agency/);
  const [, agencyId, officerId] = /agency (\S+) \(.*\); officer (\S+) /.exec(ids!)!;
  const tokenLine = l.lines[l.lines.findIndex((x) => x.includes('Supervisor token')) + 1];
  const supervisor = tokenLine.split(/\s+/).pop()!;
  const staff = `query($a: ID!) { officers(agencyId: $a, first: 200) { edges { node { id } } } }`;
  const r = await gql(staff, supervisor, { a: agencyId });
  expect(r.errors).toBeUndefined();
  expect(r.data.officers.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(officerId);
});

test('npm run token: an OFFICER without an agency is refused (exit 2); --demo 规划局 is an officer of that bureau', async () => {
  const refused = await runToken(['--role', 'OFFICER']);
  expect(refused.code).toBe(2);
  expect(refused.out).toBe('');
  expect(refused.err).toMatch(/OFFICER tokens need their agency.*--demo/);

  const demo = await runToken(['--role', 'OFFICER', '--demo', '规划局']);
  expect(demo.code).toBe(0);
  const claims = decodeJwt(demo.out);
  const me = `query($id: ID!) { officer(id: $id) { roles agency { id name } } }`;
  const r = await gql(me, demo.out, { id: claims.sub });
  expect(r.errors).toBeUndefined();
  expect(r.data.officer.agency).toEqual({ id: claims.agencyId, name: '宁晋县城乡规划局' });
  expect(r.data.officer.roles).toContain('ENFORCEMENT');
}, 60_000);

const ALL_FINDINGS = `{ agencies(region: "宁晋县") { id name personnelFindings { kind } recordFindings { kind }
  reviewFindings { kind } disclosureFindings { kind } supervisionFindings { kind } } }`;
type AgencyFindings = { id: string; name: string } & Record<string, { kind: string }[]>;
const kindsOf = (a: AgencyFindings) =>
  new Set(
    [
      ...a.personnelFindings,
      ...a.recordFindings,
      ...a.reviewFindings,
      ...a.disclosureFindings,
      ...a.supervisionFindings,
    ].map((f) => f.kind),
  );

test("the demo shows the supervisor's one query each seeded finding kind for the right agency", async () => {
  const sup = await signDevToken({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  // Review and disclosure learn of legacy decisions through events: wait for the last of them.
  const agencies = await until('the withdrawal finding', async () => {
    const r = await gql(ALL_FINDINGS, sup);
    return JSON.stringify(r.data).includes('WITHDRAWAL_OVERDUE') ? (r.data.agencies as AgencyFindings[]) : undefined;
  });
  const of = (name: string) => [...kindsOf(agencies.find((a) => a.name === name)!)];
  const market = [
    'REVIEWER_STAFFING_BELOW_MINIMUM',
    'CASE_OVERDUE',
    'AUDIO_VISUAL_MISSING',
    'ACTION_WITHOUT_VALID_CREDENTIAL',
  ];
  for (const k of market) expect(of('宁晋县市场监督管理局')).toContain(k);
  for (const k of ['MAJOR_DECISION_WITHOUT_REVIEW', 'PUBLICATION_OVERDUE', 'SERVICE_OVERDUE']) {
    expect(of('宁晋县城乡规划局')).toContain(k);
  }
  // The revoked decision was served before it was published: no service finding there.
  expect(of('宁晋县文化和旅游局')).not.toContain('SERVICE_OVERDUE');
  expect(of('宁晋县文化和旅游局')).toContain('WITHDRAWAL_OVERDUE');
  // The justice bureau's own instruments: a complaint sent back, a decision revoked on reconsideration, a file failed.
  expect(of('宁晋县城乡规划局')).toContain('COMPLAINT_REOPENED');
  for (const k of ['DECISION_OVERTURNED', 'CASE_FILE_FAILED']) expect(of('宁晋县文化和旅游局')).toContain(k);
  const everywhere = new Set(agencies.flatMap((a) => [...kindsOf(a)]));
  for (const k of ['CREDENTIAL_EXPIRING', 'NO_TRAINING_LAST_YEAR', 'REVIEW_OVERDUE', 'ANNUAL_REPORT_MISSING']) {
    expect([...everywhere]).toContain(k);
  }

  // An agency head running the same query sees only their own agency's findings.
  const planning = agencies.find((a) => a.name === '宁晋县城乡规划局')!;
  const head = await signDevToken({ role: Role.AGENCY_HEAD, sub: 'ghj-head', agencyId: planning.id });
  const own = await gql(ALL_FINDINGS, head);
  expect(own.errors).toBeUndefined();
  for (const a of own.data.agencies as AgencyFindings[]) expect(kindsOf(a).size > 0).toBe(a.id === planning.id);
  // The public sees none: it is refused.
  expect((await gql(ALL_FINDINGS)).errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
}, 120_000);

test("the demo's supervisionSummary counts each subgraph's findings per agency, kind and category", async () => {
  const sup = await signDevToken({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const Q = `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) { agency { name }
    personnel { kind count } records { kind category count } review { kind category count }
    disclosure { kind category count } supervision { kind category count } } }`;
  const r = await gql(Q, sup, { f: '2024-12-01', t: '2027-11-30' });
  expect(r.errors).toBeUndefined();
  const by = (name: string) =>
    r.data.supervisionSummary.find((s: { agency: { name: string } }) => s.agency.name === name);
  expect(by('宁晋县市场监督管理局').records).toContainEqual({ kind: 'CASE_OVERDUE', category: 'PENALTY', count: 1 });
  // Two legacy decisions without a review: the large fine, and the one heard at a hearing (major, §58).
  expect(by('宁晋县城乡规划局').review).toContainEqual({
    kind: 'MAJOR_DECISION_WITHOUT_REVIEW',
    category: 'PENALTY',
    count: 2,
  });
  // Of those, only the large fine skipped the notice: the heard one kept the party's rights.
  expect(by('宁晋县城乡规划局').records).toContainEqual({
    kind: 'DECISION_WITHOUT_NOTICE',
    category: 'PENALTY',
    count: 1,
  });
  expect(by('宁晋县城乡规划局').records.map((x: { kind: string }) => x.kind)).not.toContain('HEARING_DENIED');
  expect(by('宁晋县文化和旅游局').disclosure).toContainEqual(
    expect.objectContaining({ kind: 'WITHDRAWAL_OVERDUE', count: 1 }),
  );
  // The legacy decision revoked on reconsideration; the upheld one and the pending lawsuit correct nothing.
  expect(by('宁晋县文化和旅游局').records).toContainEqual({
    kind: 'DECISION_OVERTURNED',
    category: 'PENALTY',
    count: 1,
  });
  expect(by('宁晋县市场监督管理局').records.map((x: { kind: string }) => x.kind)).not.toContain('DECISION_OVERTURNED');
  expect(by('宁晋县城乡规划局').supervision).toEqual([{ kind: 'COMPLAINT_REOPENED', category: null, count: 1 }]);
  expect(by('宁晋县文化和旅游局').supervision).toEqual([{ kind: 'CASE_FILE_FAILED', category: 'LICENSING', count: 1 }]);
  // A period that ends before any finding began counts nothing.
  const empty = await gql(Q, sup, { f: '2001-01-01', t: '2001-12-31' });
  for (const s of empty.data.supervisionSummary)
    expect([...s.personnel, ...s.records, ...s.review, ...s.disclosure, ...s.supervision]).toEqual([]);
  const head = await signDevToken({
    role: Role.AGENCY_HEAD,
    sub: 'h',
    agencyId: '00000000-0000-4000-8000-000000000001',
  });
  expect((await gql(Q, head, { f: '2026-01-01', t: '2026-12-31' })).errors?.[0]).toMatchObject({
    extensions: { code: 'FORBIDDEN' },
  });
}, 60_000);

test("the demo's enforcementStatistics for 宁晋县 this year: every agency, cases, complaints, challenges", async () => {
  const sup = await signDevToken({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const Q = `query($y: Int!) { enforcementStatistics(region: "宁晋县", year: $y) { agencies { agencyName }
    totals { casesFiled decisions complaintsReceived complaintsClosed decisionsChallenged } } }`;
  // The seed's year (the first start's day): the launcher test starts it moments before.
  const r = await gql(Q, sup, { y: Number(shanghaiDate().slice(0, 4)) });
  expect(r.errors).toBeUndefined();
  const s = r.data.enforcementStatistics;
  expect(s.agencies).toHaveLength(5);
  expect(s.totals.casesFiled).toBeGreaterThan(0);
  expect(s.totals.decisions).toBeGreaterThan(0);
  // Accepted: the anonymous report and the reopened complaint (the third was rejected); closed: the report.
  expect(s.totals).toMatchObject({ complaintsReceived: 2, complaintsClosed: 1 });
  // At least the reconsideration upheld today (the revocation counts in its own month, 10 days ago).
  expect(s.totals.decisionsChallenged).toBeGreaterThanOrEqual(1);
}, 60_000);

test('a subgraph killed with SIGKILL is restarted and healthy again; SIGTERM then stops all with exit code 0', async () => {
  const l = running[1];
  const pidLines = l.lines.filter((x) => /personnel: pid \d+/.test(x));
  const pid = Number(/pid (\d+)/.exec(pidLines.at(-1)!)![1]);
  const from = l.lines.length;
  process.kill(pid, 'SIGKILL');
  await l.waitFor(/personnel exited \(signal SIGKILL\) after [\d.]+s; restarting it in 1s/, 60_000, from);
  await l.waitFor(/personnel restarted and healthy again/, 240_000, from);
  const again = await until('personnel answering through the gateway', async () => {
    const r = await gql(`{ agencies { id } }`);
    return r.data?.agencies ? r.data.agencies.length : undefined;
  });
  expect(again).toBe(5);

  l.proc.kill('SIGTERM');
  expect(await l.exit).toBe(0);
  await l.waitFor(ALL_ZERO, 1000);
}, 400_000);
