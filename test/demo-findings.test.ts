import { Role } from '@tsp/shared';
import { seedDemo } from '@tsp/scripts/seed/index';
import { startPlatform, token, type Platform } from './support/platform';

/** Issue 6: on first start the sandbox shows supervision working — the demo data triggers the finding kinds. */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
  await seedDemo(p.gatewayUrl);
}, 300_000);
afterAll(() => p?.stop());

const ALL = `{ agencies(region: "宁晋县") { id name personnelFindings { kind } recordFindings { kind } reviewFindings { kind } disclosureFindings { kind } } }`;

test('the supervisor\'s one query returns each seeded finding kind for the right agency', async () => {
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  let r = await p.gql(ALL, {}, { token: sup });
  // Review and disclosure learn of legacy decisions through events: allow them a moment.
  for (let i = 0; i < 50 && !JSON.stringify(r.data).includes('WITHDRAWAL_OVERDUE'); i++) {
    await new Promise((res) => setTimeout(res, 200));
    r = await p.gql(ALL, {}, { token: sup });
  }
  expect(r.errors).toBeUndefined();
  const kinds = new Map<string, Set<string>>();
  for (const a of r.data.agencies) {
    kinds.set(a.name, new Set([...a.personnelFindings, ...a.recordFindings, ...a.reviewFindings, ...a.disclosureFindings].map((f: { kind: string }) => f.kind)));
  }
  const of = (name: string) => kinds.get(name) ?? new Set();
  for (const k of ['REVIEWER_STAFFING_BELOW_MINIMUM', 'CASE_OVERDUE', 'AUDIO_VISUAL_MISSING', 'ACTION_WITHOUT_VALID_CREDENTIAL']) expect([...of('宁晋县市场监督管理局')]).toContain(k);
  for (const k of ['MAJOR_DECISION_WITHOUT_REVIEW', 'PUBLICATION_OVERDUE', 'SERVICE_OVERDUE']) expect([...of('宁晋县城乡规划局')]).toContain(k);
  // The revoked decision was served before it was published: no service finding there.
  expect([...of('宁晋县文化和旅游局')]).not.toContain('SERVICE_OVERDUE');
  expect([...of('宁晋县文化和旅游局')]).toContain('WITHDRAWAL_OVERDUE');
  const everywhere = new Set([...kinds.values()].flatMap((s) => [...s]));
  for (const k of ['CREDENTIAL_EXPIRING', 'NO_TRAINING_LAST_YEAR', 'REVIEW_OVERDUE', 'ANNUAL_REPORT_MISSING']) expect([...everywhere]).toContain(k);


  // An agency head running the same query sees only their own agency's findings.
  const planning = r.data.agencies.find((a: { name: string }) => a.name === '宁晋县城乡规划局');
  const head = await token({ role: Role.AGENCY_HEAD, sub: 'ghj-head', agencyId: planning.id });
  const own = await p.gql(ALL, {}, { token: head });
  expect(own.errors).toBeUndefined();
  for (const a of own.data.agencies) {
    const n = a.personnelFindings.length + a.recordFindings.length + a.reviewFindings.length + a.disclosureFindings.length;
    if (a.id === planning.id) expect(n).toBeGreaterThan(0);
    else expect(n).toBe(0);
  }
  // The public sees none: it is refused.
  expect((await p.gql(ALL)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('supervisionSummary counts each subgraph\'s findings per agency, kind and category', async () => {
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const Q = `query($f: Date!, $t: Date!) { supervisionSummary(region: "宁晋县", from: $f, to: $t) {
    agency { name } personnel { kind count } records { kind category count } review { kind category count } disclosure { kind category count } } }`;
  const r = await p.gql(Q, { f: '2024-12-01', t: '2027-11-30' }, { token: sup });
  expect(r.errors).toBeUndefined();
  const by = (name: string) => r.data.supervisionSummary.find((s: { agency: { name: string } }) => s.agency.name === name);
  expect(by('宁晋县市场监督管理局').records).toContainEqual({ kind: 'CASE_OVERDUE', category: 'PENALTY', count: 1 });
  expect(by('宁晋县城乡规划局').review).toContainEqual({ kind: 'MAJOR_DECISION_WITHOUT_REVIEW', category: 'PENALTY', count: 1 });
  expect(by('宁晋县文化和旅游局').disclosure).toContainEqual(expect.objectContaining({ kind: 'WITHDRAWAL_OVERDUE', count: 1 }));
  // A period that ends before any finding began counts nothing.
  const empty = await p.gql(Q, { f: '2001-01-01', t: '2001-12-31' }, { token: sup });
  for (const s of empty.data.supervisionSummary) expect([...s.personnel, ...s.records, ...s.review, ...s.disclosure]).toEqual([]);
  const head = await token({ role: Role.AGENCY_HEAD, sub: 'h', agencyId: '00000000-0000-4000-8000-000000000001' });
  expect((await p.gql(Q, { f: '2026-01-01', t: '2026-12-31' }, { token: head })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
});
