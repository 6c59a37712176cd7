import { Role } from '@tsp/shared';

import { sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';

/**
 * Listing officers with their agency and credentials costs a number of SQL
 * statements that does not depend on how many officers there are (DataLoader batching).
 */
let p: Platform;
let small: string;
let big: string;
let admin: string;

/** An agency with `n` officers, each with two credentials and a training record, written behind the API for speed. */
async function agencyWith(code: string, n: number): Promise<string> {
  const [{ id }] = await sql<{ id: string }>(
    p.databaseUrl,
    `insert into personnel.agency (id, code, name, kind, region, legal_office_name)
     values (gen_random_uuid(), $1, $2, 'MARKET_REGULATION', '宁晋县', '政策法规科') returning id`,
    [code, `测试局${code}`],
  );
  await sql(
    p.databaseUrl,
    `insert into personnel.officer (id, agency_id, name, position, roles)
     select gen_random_uuid(), $1, '执法人员' || g, '科员', case when g % 10 = 0 then '{LEGAL_REVIEWER}'::text[] else '{ENFORCEMENT}'::text[] end
       from generate_series(1, $2) g`,
    [id, n],
  );
  await sql(
    p.databaseUrl,
    `insert into personnel.credential (id, number, officer_id, agency_id, categories, region, issued_on, expires_on, status, issuing_authority)
     select gen_random_uuid(), $2 || '-' || row_number() over () || '-' || k, o.id, o.agency_id, '{PENALTY,INSPECTION}', '宁晋县',
            date '2024-01-01', current_date + 10 + k * 400, 'VALID', '河北省人民政府'
       from personnel.officer o cross join generate_series(1, 2) k where o.agency_id = $1`,
    [id, code],
  );
  await sql(
    p.databaseUrl,
    `insert into personnel.training_record (id, officer_id, day, hours, topic, recorded_by)
     select gen_random_uuid(), o.id, make_date(extract(year from current_date)::int - 1, 4, 16), 8, '三项制度培训', 'seed'
       from personnel.officer o where o.agency_id = $1`,
    [id],
  );
  return id;
}

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  small = await agencyWith('S5', 5);
  big = await agencyWith('B50', 50);
});
afterAll(async () => {
  await p?.stop();
});

/** Fewest statements over three runs: background workers of other subgraphs may poll meanwhile. */
async function statements(
  query: string,
  variables: Record<string, unknown>,
  tok?: string,
): Promise<{ n: number; data: any }> {
  let best = Infinity;
  let data: any;
  for (let i = 0; i < 3; i++) {
    const { result, statements: n } = await p.countSql(() => p.gql(query, variables, tok ? { token: tok } : {}));
    expect(result.errors).toBeUndefined();
    data = result.data;
    best = Math.min(best, n);
  }
  expect(best).toBeGreaterThan(0); // the counter works
  return { n: best, data };
}

const PAGED = `query($a: ID!) { officers(agencyId: $a, first: 50) { edges { node { name roles agency { name region } credentials { number status expiresOn } trainingHours(year: 2025) } } } }`;
const NESTED = `query($a: ID!) { agency(id: $a) { name reviewerStaffing { required compliant } officers { name agency { name } credentials { number status } } } }`;

test('officers(agencyId, first: 50) with agency and credentials: same statement count for 5 and 50 officers', async () => {
  const five = await statements(PAGED, { a: small }, admin);
  const fifty = await statements(PAGED, { a: big }, admin);
  expect(five.data.officers.edges).toHaveLength(5);
  expect(fifty.data.officers.edges).toHaveLength(50);
  expect(
    fifty.data.officers.edges.every((e: any) => e.node.credentials.length === 2 && e.node.agency.name === '测试局B50'),
  ).toBe(true);
  expect(fifty.n).toBe(five.n);
  expect(fifty.n).toBeLessThanOrEqual(6);
});

test('agency(id) { officers { agency credentials } }: same statement count for 5 and 50 officers', async () => {
  const five = await statements(NESTED, { a: small }, admin);
  const fifty = await statements(NESTED, { a: big }, admin);
  expect(fifty.data.agency.officers).toHaveLength(50);
  expect(fifty.data.agency.reviewerStaffing).toEqual({ required: 3, compliant: true });
  expect(fifty.n).toBe(five.n);
  expect(fifty.n).toBeLessThanOrEqual(6);
});

test('the supervisor’s findings over every agency of the region do not grow with the officers either', async () => {
  const sup = await token({ role: Role.SUPERVISOR, sub: 's-1', region: '宁晋县' });
  const q = `query($a: ID!) { agency(id: $a) { personnelFindings { kind subjectId } } }`;
  const five = await statements(q, { a: small }, sup);
  const fifty = await statements(q, { a: big }, sup);
  // The first credential of each officer expires in 410 days, so no expiry finding; staffing is met; all trained.
  expect(fifty.data.agency.personnelFindings).toEqual([]);
  expect(fifty.n).toBe(five.n);
});

test('the public officer list does not grow with the officers', async () => {
  const q = `query($a: ID!) { publicOfficers(agencyId: $a) { name credentialNumber } }`;
  const five = await statements(q, { a: small });
  const fifty = await statements(q, { a: big });
  expect(fifty.data.publicOfficers).toHaveLength(100);
  expect(fifty.n).toBe(five.n);
});
