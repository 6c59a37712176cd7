import { Role } from '@tsp/shared';
import { seedDemo } from '@tsp/scripts/seed/index';
import { startPlatform, token, type Platform } from './support/platform';

/** Issue 6: on first start the sandbox shows supervision working — the demo data triggers the finding kinds. */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
  await seedDemo(p.gatewayUrl);
}, 180_000);
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
  for (const k of ['MAJOR_DECISION_WITHOUT_REVIEW', 'PUBLICATION_OVERDUE']) expect([...of('宁晋县城乡规划局')]).toContain(k);
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
