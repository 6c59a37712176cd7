import { Role, shanghaiDate } from '@tsp/shared';
import { Client } from 'pg';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import {
  code,
  openPenaltyCase,
  proposal,
  type ReviewWorld,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';
import { until } from './kit/until';

/**
 * 人员调动 Officer transfer through the gateway (dynamic management: "any change shows at once on the public
 * list"): who may transfer, the rules, and what changes at once — agency, history, credentials,
 * public list, verification, and what records and review let the officer do for the old agency.
 */
let p: Platform;
let w: ReviewWorld;
let agencyC: string; // 柏乡县, outside the 宁晋县 supervisor's region
let caseId: string;
let reviewId: string;
const today = shanghaiDate();
const dayAfter = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const TRANSFER = `mutation($i: TransferOfficerInput!) { transferOfficer(input: $i) {
  id agency { id name }
  assignments { agency { id name } from to reason current }
  credentials { number status history { fromStatus toStatus reason actor } } } }`;
const PUBLIC_LIST = `query($a: ID!) { publicOfficers(agencyId: $a) { name unit credentialNumber } }`;
const VERIFY = `query($n: String!) { verifyCredential(number: $n) { valid status holderName agencyName } }`;

async function admin<T = any>(q: string, v: Record<string, unknown> = {}): Promise<T> {
  const r = await p.gql(q, v, { token: w.tokens.admin });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** Everything a transfer writes; a refusal must leave all of it as it was. */
async function personnelState() {
  const [transfers] = await sql<{ n: string }>(p.databaseUrl, 'select count(*) as n from personnel.officer_transfer');
  const [changes] = await sql<{ n: string }>(
    p.databaseUrl,
    'select count(*) as n from personnel.credential_status_change',
  );
  const officers = await sql(p.databaseUrl, 'select id, agency_id from personnel.officer order by id');
  const creds = await sql(p.databaseUrl, 'select number, agency_id, status from personnel.credential order by number');
  return { transfers: Number(transfers.n), changes: Number(changes.n), officers, creds };
}

async function refused(expected: string, i: Record<string, unknown>, tok?: string): Promise<GqlResult> {
  const before = await personnelState();
  const r = await p.gql(TRANSFER, { i }, { token: tok });
  expect({ code: code(r), data: r.data?.transferOfficer ?? null }).toEqual({ code: expected, data: null });
  expect(await personnelState()).toEqual(before);
  return r;
}

const publicNumbers = async (agencyId: string) =>
  ((await p.gql(PUBLIC_LIST, { a: agencyId })).data.publicOfficers as { credentialNumber: string }[]).map(
    (o) => o.credentialNumber,
  );

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
  agencyC = (
    await admin(
      `mutation { createAgency(input: { code: "BX-SJJ", name: "柏乡县市场监督管理局", kind: MARKET_REGULATION, region: "柏乡县", legalOfficeName: "法规股" }) { id } }`,
    )
  ).createAgency.id;
  // A case of agency A handled by 张伟 (h1) and 王芳 (h2), submitted for review.
  caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], '宁市监罚〔2026〕7号');
  const s = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 });
  expect(s.errors).toBeUndefined();
  reviewId = s.data.submitForReview.id;
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

describe('who may transfer', () => {
  const move = () => ({ officerId: w.h2, agencyId: w.agencyB, effectiveOn: today, reason: '工作需要' });

  test('the public is UNAUTHENTICATED; agency staff of any role, integrators and another region’s supervisor are FORBIDDEN; nothing is written', async () => {
    await refused('UNAUTHENTICATED', move());
    const head = await token({ role: Role.AGENCY_HEAD, sub: 'head-a', agencyId: w.agencyA });
    for (const tok of [w.tokens.h1, w.tokens.rq, head, w.tokens.integratorA, w.tokens.otherSupervisor])
      await refused('FORBIDDEN', move(), tok);
  });

  test('the region’s supervisor may not move an officer to an agency of another county', async () => {
    const r = await refused('FORBIDDEN', { ...move(), agencyId: agencyC }, w.tokens.supervisor);
    expect(r.errors![0].message).toMatch(/region/);
  });
});

describe('the rules, each broken once: the contract’s code, and nothing written', () => {
  const move = (over: Record<string, unknown> = {}) => ({
    officerId: w.h2,
    agencyId: w.agencyB,
    effectiveOn: today,
    reason: '工作需要',
    ...over,
  });

  test('unknown officer or agency: NOT_FOUND', async () => {
    await refused('NOT_FOUND', move({ officerId: '00000000-0000-4000-8000-000000000000' }), w.tokens.admin);
    await refused('NOT_FOUND', move({ agencyId: '00000000-0000-4000-8000-000000000000' }), w.tokens.admin);
    await refused('NOT_FOUND', move({ agencyId: 'not-an-id' }), w.tokens.admin);
  });

  test('same agency, a future date, a date before the officer was registered, no reason: BAD_USER_INPUT naming the field', async () => {
    const same = await refused('BAD_USER_INPUT', move({ agencyId: w.agencyA }), w.tokens.admin);
    expect(same.errors![0].message).toMatch(/^agencyId: .*already belongs/);
    const future = await refused('BAD_USER_INPUT', move({ effectiveOn: dayAfter(today, 1) }), w.tokens.supervisor);
    expect(future.errors![0].message).toMatch(/^effectiveOn: must not be after today/);
    const early = await refused('BAD_USER_INPUT', move({ effectiveOn: dayAfter(today, -1) }), w.tokens.admin);
    expect(early.errors![0].message).toMatch(/^effectiveOn: must not be before the current assignment began/);
    const blank = await refused('BAD_USER_INPUT', move({ reason: '  ' }), w.tokens.admin);
    expect(blank.errors![0].message).toMatch(/^reason/);
    await refused('BAD_USER_INPUT', move({ effectiveOn: '2026-02-30' }), w.tokens.admin);
  });
});

describe('王芳 moves from 市场监督管理局 (A) to 文化和旅游局 (B), by the 宁晋县 supervisor', () => {
  let moved: any;
  beforeAll(async () => {
    expect(await publicNumbers(w.agencyA)).toContain('HB-RV-0002');
    expect((await p.gql(VERIFY, { n: 'HB-RV-0002' })).data.verifyCredential.valid).toBe(true);
    const r = await p.gql(
      TRANSFER,
      { i: { officerId: w.h2, agencyId: w.agencyB, effectiveOn: today, reason: '宁政人〔2026〕3号 调令' } },
      { token: w.tokens.supervisor },
    );
    expect(r.errors).toBeUndefined();
    moved = r.data.transferOfficer;
  });

  test('the officer belongs to B, with the history listed and the old credential revoked (调离注销) with its reason', () => {
    expect(moved.agency).toEqual({ id: w.agencyB, name: '宁晋县文化和旅游局' });
    expect(moved.assignments).toEqual([
      { agency: { id: w.agencyA, name: '宁晋县市场监督管理局' }, from: today, to: today, reason: null, current: false },
      {
        agency: { id: w.agencyB, name: '宁晋县文化和旅游局' },
        from: today,
        to: null,
        reason: '宁政人〔2026〕3号 调令',
        current: true,
      },
    ]);
    expect(moved.credentials).toEqual([
      {
        number: 'HB-RV-0002',
        status: 'REVOKED',
        history: [
          { fromStatus: null, toStatus: 'VALID', reason: '发证 issued', actor: 'admin-1' },
          {
            fromStatus: 'VALID',
            toStatus: 'REVOKED',
            actor: 'sfj-1',
            reason: `调离注销 transferred from 宁晋县市场监督管理局 to 宁晋县文化和旅游局 on ${today}: 宁政人〔2026〕3号 调令`,
          },
        ],
      },
    ]);
  });

  test('at once, publicly: off A’s officer list, not on B’s without a credential for B, and the number verifies as not valid', async () => {
    expect(await publicNumbers(w.agencyA)).not.toContain('HB-RV-0002');
    expect(await publicNumbers(w.agencyA)).toContain('HB-RV-0001');
    expect(await publicNumbers(w.agencyB)).not.toContain('HB-RV-0002');
    expect((await p.gql(VERIFY, { n: 'HB-RV-0002' })).data.verifyCredential).toEqual({
      valid: false,
      status: 'REVOKED',
      holderName: '王芳',
      agencyName: '宁晋县市场监督管理局',
    });
  });

  test('A’s staff list no longer has her, B’s does; the staffing counts follow', async () => {
    const q = `query($a: ID!) { officers(agencyId: $a) { edges { node { id } } } agency(id: $a) { reviewerStaffing { enforcementOfficers } } }`;
    const a = await p.gql(q, { a: w.agencyA }, { token: w.tokens.h1 });
    const b = await p.gql(q, { a: w.agencyB }, { token: w.tokens.bh1 });
    expect(a.data.officers.edges.map((e: any) => e.node.id)).not.toContain(w.h2);
    expect(b.data.officers.edges.map((e: any) => e.node.id)).toContain(w.h2);
    expect(a.data.agency.reviewerStaffing.enforcementOfficers).toBe(2); // 张伟, 赵磊
    expect(b.data.agency.reviewerStaffing.enforcementOfficers).toBe(3);
  });

  test('records asks personnel and refuses her acting on A’s case (CREDENTIAL_INVALID, named); nothing is written', async () => {
    const entries = async () =>
      Number(
        (
          await sql<{ n: string }>(p.databaseUrl, 'select count(*) as n from records.record_entry where case_id = $1', [
            caseId,
          ])
        )[0].n,
      );
    const before = await entries();
    const r = await p.gql(
      `mutation($i: AppendRecordInput!) { appendRecord(input: $i) { id } }`,
      {
        i: {
          caseId,
          stage: 'INVESTIGATION',
          activity: 'ON_SITE_INSPECTION',
          occurredAt: new Date().toISOString(),
          officerIds: [w.h1, w.h2],
          summary: '现场检查',
          attachments: [
            {
              kind: 'VIDEO',
              sha256: 'c'.repeat(64),
              size: 1048576,
              mediaType: 'video/mp4',
              name: '执法记录仪.mp4',
              fullProcess: true,
            },
          ],
        },
      },
      { token: w.tokens.h1 },
    );
    expect(code(r)).toBe('CREDENTIAL_INVALID');
    expect(r.errors![0].message).toMatch(/王芳.*another agency/);
    expect(await entries()).toBe(before);
  });

  test('the old case stays A’s, and A still reads who handled it (no private fields)', async () => {
    const r = await p.gql(
      `query($id: ID!) { case(id: $id) { agency { id } handlers { id name phone agency { id } } } }`,
      { id: caseId },
      { token: w.tokens.h1 },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.case.agency.id).toBe(w.agencyA);
    expect(r.data.case.handlers).toContainEqual({ id: w.h2, name: '王芳', phone: null, agency: { id: w.agencyB } });
    // An agency she never belonged to still cannot read her.
    const c = await p.gql(
      `query($id: ID!) { officer(id: $id) { name } }`,
      { id: w.h2 },
      { token: await token({ role: Role.OFFICER, sub: 'x', agencyId: agencyC }) },
    );
    expect(code(c)).toBe('FORBIDDEN');
  });

  test('a credential issued for B puts her on B’s public list and she acts for B', async () => {
    const issued = await admin(`mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`, {
      i: {
        officerId: w.h2,
        number: 'HB-WL-0002',
        categories: ['PENALTY'],
        region: '宁晋县',
        issuedOn: '2024-01-01',
        expiresOn: '2030-12-31',
      },
    });
    expect(issued.issueCredential.number).toBe('HB-WL-0002');
    const list = (await p.gql(PUBLIC_LIST, { a: w.agencyB })).data.publicOfficers;
    expect(list).toContainEqual({ name: '王芳', unit: '宁晋县文化和旅游局', credentialNumber: 'HB-WL-0002' });
    expect((await p.gql(VERIFY, { n: 'HB-WL-0002' })).data.verifyCredential).toEqual({
      valid: true,
      status: 'VALID',
      holderName: '王芳',
      agencyName: '宁晋县文化和旅游局',
    });
    const asB = await token({ role: Role.OFFICER, sub: w.h2, agencyId: w.agencyB });
    await expect(openPenaltyCase(p, asB, [w.h2, w.bh1], '宁文旅罚〔2026〕1号')).resolves.toEqual(expect.any(String));
  });

  test('moved back to A the same day: three stretches listed; the old A credential stays revoked, the B one ends', async () => {
    const r = await p.gql(
      TRANSFER,
      { i: { officerId: w.h2, agencyId: w.agencyA, effectiveOn: today, reason: '调回原单位' } },
      { token: w.tokens.admin },
    );
    expect(r.errors).toBeUndefined();
    const o = r.data.transferOfficer;
    expect(o.assignments.map((a: any) => [a.agency.id, a.to, a.current])).toEqual([
      [w.agencyA, today, false],
      [w.agencyB, today, false],
      [w.agencyA, null, true],
    ]);
    const byNumber = Object.fromEntries(o.credentials.map((c: any) => [c.number, c]));
    expect(byNumber['HB-RV-0002'].status).toBe('REVOKED');
    expect(byNumber['HB-RV-0002'].history).toHaveLength(2);
    expect(byNumber['HB-WL-0002'].status).toBe('REVOKED');
    expect(await publicNumbers(w.agencyA)).not.toContain('HB-RV-0002');
    expect(await publicNumbers(w.agencyB)).not.toContain('HB-WL-0002');
  });
});

test('a legal reviewer moved away can no longer start the old agency’s review (review asks personnel)', async () => {
  const moved = await p.gql(
    TRANSFER,
    { i: { officerId: w.rq, agencyId: w.agencyB, effectiveOn: today, reason: '交流任职' } },
    { token: w.tokens.admin },
  );
  expect(moved.errors).toBeUndefined();
  // Her token still names agency A. Review has not seen her before, so it asks personnel where she is now and
  // refuses the token itself (test/transfer-stale-token.test.ts); the reviewer rule (FORBIDDEN, "not registered
  // with this agency") stands behind it for the few seconds a cached answer is trusted.
  const r = await p.gql(START, { id: reviewId }, { token: w.tokens.rq });
  expect(code(r)).toBe('UNAUTHENTICATED');
  expect(r.errors![0].message).toMatch(/调动后请重新登录/);
  const [row] = await sql<{ status: string }>(p.databaseUrl, 'select status from review.legal_review where id = $1', [
    reviewId,
  ]);
  expect(row.status).toBe('SUBMITTED');
});

test('two transfers of one officer at once take turns: never two moves out of the same agency', async () => {
  const move = (agencyId: string) =>
    p.gql(
      TRANSFER,
      { i: { officerId: w.bh2, agencyId, effectiveOn: today, reason: '并发调动' } },
      { token: w.tokens.admin },
    );
  const results = await Promise.all([move(w.agencyA), move(agencyC)]);
  const codes = results.map((r) => code(r) ?? 'OK').sort();
  // Either the second waited for the first and found the officer moved (CONFLICT), or it read after the first committed.
  expect([
    ['CONFLICT', 'OK'],
    ['OK', 'OK'],
  ]).toContainEqual(codes);
  const rows = await sql<{ from_agency_id: string; to_agency_id: string }>(
    p.databaseUrl,
    'select from_agency_id, to_agency_id from personnel.officer_transfer where officer_id = $1 order by at',
    [w.bh2],
  );
  expect(rows).toHaveLength(codes.filter((c) => c === 'OK').length);
  expect(rows[0].from_agency_id).toBe(w.agencyB);
  if (rows[1]) expect(rows[1].from_agency_id).toBe(rows[0].to_agency_id);
  const [o] = await sql<{ agency_id: string }>(p.databaseUrl, 'select agency_id from personnel.officer where id = $1', [
    w.bh2,
  ]);
  expect(o.agency_id).toBe(rows[rows.length - 1].to_agency_id);
});

test('a credential issued while the officer is being moved names the agency they end up in', async () => {
  const officerId = (
    await admin(`mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`, {
      i: { agencyId: w.agencyB, name: '钱进', position: '科员', roles: ['ENFORCEMENT'] },
    })
  ).registerOfficer.id as string;
  const number = 'HB-RV-RACE-01';
  // A transaction of our own holds the officer's row, as a transfer does, and moves them to agency A.
  const mover = new Client({ connectionString: p.databaseUrl });
  await mover.connect();
  try {
    await mover.query('begin');
    await mover.query('select 1 from personnel.officer where id = $1 for update', [officerId]);
    const issued = p.gql(
      `mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`,
      {
        i: {
          officerId,
          number,
          categories: ['PENALTY'],
          region: '宁晋县',
          issuedOn: '2024-01-01',
          expiresOn: '2030-12-31',
        },
      },
      { token: w.tokens.admin },
    );
    // The issue waits for the officer's row rather than using the agency it read before.
    await until(
      'the issue waiting on the officer',
      async () =>
        (
          await sql(
            p.databaseUrl,
            `select 1 from pg_stat_activity where wait_event_type = 'Lock' and query ilike '%officer%for update%'`,
          )
        ).length > 0 || undefined,
      30_000,
    );
    await mover.query('update personnel.officer set agency_id = $1 where id = $2', [w.agencyA, officerId]);
    await mover.query('commit');
    expect((await issued).errors).toBeUndefined();
  } finally {
    await mover.end();
  }
  const [c] = await sql<{ agency_id: string }>(
    p.databaseUrl,
    'select agency_id from personnel.credential where number = $1',
    [number],
  );
  expect(c.agency_id).toBe(w.agencyA);
});
