import { Role } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/**
 * Bad input gets the contract's codes with a message naming the field, nothing is
 * half-written, and the servers keep answering afterwards.
 */
let p: Platform;
let admin: string;
let agencyId: string;
let officerId: string;
const UNKNOWN = '0b6f7c1e-5d1a-4c1e-9a57-3f0d5a2b9c11';
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const a = await p.gql(
    `mutation { createAgency(input: { code: "130528-GHJ", name: "宁晋县城乡规划局", kind: PLANNING, region: "宁晋县", legalOfficeName: "政策法规股" }) { id } }`,
    {},
    { token: admin },
  );
  agencyId = a.data.createAgency.id;
  const o = await p.gql(
    `mutation($a: ID!) { registerOfficer(input: { agencyId: $a, name: "孙国栋", position: "规划监察大队大队长", roles: [ENFORCEMENT] }) { id } }`,
    { a: agencyId },
    { token: admin },
  );
  officerId = o.data.registerOfficer.id;
});
afterAll(async () => {
  await p?.stop();
});

/** After every refusal the gateway and the personnel subgraph still answer. */
afterEach(async () => {
  const r = await p.gql(`{ agencies { id name } }`);
  expect(r.status).toBe(200);
  expect(r.data.agencies.length).toBeGreaterThanOrEqual(1);
});

const ISSUE = `mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`;
const issue = (over: Record<string, unknown> = {}) =>
  p.gql(
    ISSUE,
    {
      i: {
        officerId,
        number: '13052820260001',
        categories: ['PENALTY'],
        region: '宁晋县',
        issuedOn: '2026-01-05',
        expiresOn: '2031-01-04',
        ...over,
      },
    },
    { token: admin },
  );
const rows = async (table: string) =>
  Number((await sql<{ n: string }>(p.databaseUrl, `select count(*) as n from personnel.${table}`))[0].n);

describe('unknown ids → NOT_FOUND', () => {
  test.each([
    ['agency(id) with an unknown uuid', `{ agency(id: "${UNKNOWN}") { id } }`, {}],
    ['agency(id) with something that is not an id', `{ agency(id: "1; drop table personnel.agency") { id } }`, {}],
    ['officer(id)', `{ officer(id: "${UNKNOWN}") { id } }`, { token: true }],
    ['officers(agencyId)', `{ officers(agencyId: "${UNKNOWN}") { edges { cursor } } }`, { token: true }],
    ['publicOfficers(agencyId)', `{ publicOfficers(agencyId: "${UNKNOWN}") { name } }`, {}],
    [
      'registerOfficer into an unknown agency',
      `mutation { registerOfficer(input: { agencyId: "${UNKNOWN}", name: "某人", position: "科员", roles: [ENFORCEMENT] }) { id } }`,
      { token: true },
    ],
    [
      'issueCredential to an unknown officer',
      `mutation { issueCredential(input: { officerId: "${UNKNOWN}", number: "13052820260099", categories: [PENALTY], region: "宁晋县", issuedOn: "2026-01-05", expiresOn: "2031-01-04" }) { number } }`,
      { token: true },
    ],
    [
      'changeCredentialStatus of an unknown number',
      `mutation { changeCredentialStatus(number: "13052800000000", status: SUSPENDED, reason: "x") { number } }`,
      { token: true },
    ],
    [
      'recordTraining for an unknown officer',
      `mutation { recordTraining(input: { officerId: "${UNKNOWN}", day: "2026-03-02", hours: 2, topic: "x" }) }`,
      { token: true },
    ],
  ] as [string, string, { token?: boolean }][])('%s', async (_what, query, opts) => {
    const r = await p.gql(query, {}, opts.token ? { token: admin } : {});
    expect(code(r)).toBe('NOT_FOUND');
    expect(r.errors![0].message).toMatch(/not found/);
  });
});

describe('wrong enum values → BAD_USER_INPUT', () => {
  test('in a literal and in variables', async () => {
    const lit = await p.gql(
      `mutation { createAgency(input: { code: "X", name: "某局", kind: BUREAU, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
      {},
      { token: admin },
    );
    expect(code(lit)).toBe('BAD_USER_INPUT');
    expect(lit.errors![0].message).toMatch(/BUREAU.*AgencyKind/);
    const vars = await p.gql(
      `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`,
      { i: { agencyId, name: '某人', position: '科员', roles: ['CHIEF'] } },
      { token: admin },
    );
    expect(code(vars)).toBe('BAD_USER_INPUT');
    expect(vars.errors![0].message).toMatch(/CHIEF.*OfficerRole/);
    const status = await p.gql(
      `mutation($s: CredentialStatus!) { changeCredentialStatus(number: "13052820260001", status: $s, reason: "x") { number } }`,
      { s: 'ACTIVE' },
      { token: admin },
    );
    expect(code(status)).toBe('BAD_USER_INPUT');
    const cat = await issue({ categories: ['PARKING'] });
    expect(code(cat)).toBe('BAD_USER_INPUT');
  });
});

describe('empty or oversize text → BAD_USER_INPUT naming the field', () => {
  test.each([
    ['name', { name: '   ' }],
    ['code', { code: '' }],
    ['region', { region: '' }],
    ['legalOfficeName', { legalOfficeName: ' ' }],
    ['name', { name: '局'.repeat(101) }],
  ])('createAgency %s', async (field, over) => {
    const before = await rows('agency');
    const r = await p.gql(
      `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
      { i: { code: 'NEW-1', name: '新局', kind: 'OTHER', region: '宁晋县', legalOfficeName: '法制股', ...over } },
      { token: admin },
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
    expect(r.errors![0].message.startsWith(`${field}:`)).toBe(true);
    expect(await rows('agency')).toBe(before);
  });

  test.each([
    ['name', { name: '' }],
    ['position', { position: '  ' }],
    ['roles', { roles: [] }],
    ['idNumber', { idNumber: '12345' }],
  ])('registerOfficer %s', async (field, over) => {
    const before = await rows('officer');
    const r = await p.gql(
      `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`,
      { i: { agencyId, name: '某人', position: '科员', roles: ['ENFORCEMENT'], ...over } },
      { token: admin },
    );
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].extensions!.field).toBe(field);
    expect(await rows('officer')).toBe(before);
  });
});

describe('credentials and training', () => {
  test('expiry before (or on) the issue day → BAD_USER_INPUT on expiresOn; nothing written', async () => {
    for (const expiresOn of ['2025-12-31', '2026-01-05']) {
      const r = await issue({ expiresOn });
      expect(code(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.field).toBe('expiresOn');
      expect(r.errors![0].message).toMatch(/after issuedOn/);
    }
    expect(await rows('credential')).toBe(0);
    expect(await rows('credential_status_change')).toBe(0);
  });

  test('impossible dates (2026-02-30) and malformed numbers → BAD_USER_INPUT', async () => {
    const day = await issue({ issuedOn: '2026-02-30' });
    expect(code(day)).toBe('BAD_USER_INPUT');
    expect(day.errors![0].message).toMatch(/2026-02-30/);
    expect(code(await issue({ number: '冀 0001' }))).toBe('BAD_USER_INPUT');
    expect(code(await issue({ categories: [] }))).toBe('BAD_USER_INPUT');
    expect(await rows('credential')).toBe(0);
  });

  test('a duplicate credential number → CONFLICT, and the first one stays', async () => {
    expect((await issue()).data.issueCredential.number).toBe('13052820260001');
    const again = await issue();
    expect(code(again)).toBe('CONFLICT');
    expect(await rows('credential')).toBe(1);
  });

  test('training: hours out of range, a future day, a year out of range → BAD_USER_INPUT', async () => {
    const train = (i: object) =>
      p.gql(
        `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) }`,
        { i: { officerId, day: '2026-03-02', hours: 2, topic: '培训', ...i } },
        { token: admin },
      );
    for (const [over, field] of [
      [{ hours: 0 }, 'hours'],
      [{ hours: 25 }, 'hours'],
      [{ hours: 1.3 }, 'hours'],
      [{ day: '2099-01-01' }, 'day'],
      [{ topic: '' }, 'topic'],
    ] as const) {
      const r = await train(over);
      expect([over, code(r), r.errors?.[0].extensions?.field]).toEqual([over, 'BAD_USER_INPUT', field]);
    }
    expect(await rows('training_record')).toBe(0);
    const y = await p.gql(
      `query($id: ID!) { officer(id: $id) { trainingHours(year: 1900) } }`,
      { id: officerId },
      { token: admin },
    );
    expect(code(y)).toBe('BAD_USER_INPUT');
  });

  test('paging: first out of range and a forged cursor → BAD_USER_INPUT', async () => {
    const q = `query($a: ID!, $f: Int, $c: String) { officers(agencyId: $a, first: $f, after: $c) { edges { cursor } } }`;
    expect(code(await p.gql(q, { a: agencyId, f: 0 }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(code(await p.gql(q, { a: agencyId, f: 100000 }, { token: admin }))).toBe('BAD_USER_INPUT');
    expect(code(await p.gql(q, { a: agencyId, c: '!!not-a-cursor' }, { token: admin }))).toBe('BAD_USER_INPUT');
  });

  test('a duplicate agency code → CONFLICT', async () => {
    const r = await p.gql(
      `mutation { createAgency(input: { code: "130528-GHJ", name: "重复", kind: PLANNING, region: "宁晋县", legalOfficeName: "法制股" }) { id } }`,
      {},
      { token: admin },
    );
    expect(code(r)).toBe('CONFLICT');
  });
});

describe('request size and shape', () => {
  test('a 10 MB string → 413 BAD_USER_INPUT before any subgraph is asked', async () => {
    const before = await rows('agency');
    const r = await p.gql(
      `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
      {
        i: {
          code: 'BIG',
          name: 'x'.repeat(10 * 1024 * 1024),
          kind: 'OTHER',
          region: '宁晋县',
          legalOfficeName: '法制股',
        },
      },
      { token: admin },
    );
    expect(r.status).toBe(413);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/too large/);
    expect(await rows('agency')).toBe(before);
  });

  test('a 10 MB string to the public credential check → 413 as well', async () => {
    const r = await p.gql(`query($n: String!) { verifyCredential(number: $n) { valid } }`, {
      n: '9'.repeat(10 * 1024 * 1024),
    });
    expect(r.status).toBe(413);
    expect(code(r)).toBe('BAD_USER_INPUT');
  });

  test('a depth-50 query → QUERY_TOO_COSTLY naming the depth and the limit', async () => {
    let sel = 'id';
    for (let i = 0; i < 24; i++) sel = `agency { officers { ${sel} } }`;
    const query = `query($a: ID!) { agency(id: $a) { officers { ${sel} } } }`;
    expect(query.match(/\{/g)!.length).toBeGreaterThanOrEqual(50);
    const r = await p.gql(query, { a: agencyId }, { token: admin });
    expect(code(r)).toBe('QUERY_TOO_COSTLY');
    expect(r.errors![0].message).toMatch(/query depth: \d+ exceeds the limit of 12/);
  });

  test('the same depth hidden in nested fragments is counted too', async () => {
    const frags = Array.from(
      { length: 24 },
      (_, i) => `fragment F${i} on Officer { agency { officers { ${i === 23 ? 'id' : `...F${i + 1}`} } } }`,
    ).join('\n');
    const r = await p.gql(
      `query($a: ID!) { agency(id: $a) { officers { ...F0 } } }\n${frags}`,
      { a: agencyId },
      { token: admin },
    );
    expect(code(r)).toBe('QUERY_TOO_COSTLY');
    expect(r.errors![0].message).toMatch(/query depth: \d+ exceeds/);
  });

  test('a query asking for one field under 1,100 aliases → QUERY_TOO_COSTLY', async () => {
    const fields = Array.from({ length: 1100 }, (_, i) => `a${i}: name`).join(' ');
    const r = await p.gql(`{ agencies { ${fields} } }`);
    expect(code(r)).toBe('QUERY_TOO_COSTLY');
  });

  test('malformed JSON → 400 BAD_USER_INPUT', async () => {
    const res = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": "{ agencies { id } }",',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as GqlResult;
    expect(code(body)).toBe('BAD_USER_INPUT');
    expect(body.errors![0].message).toMatch(/JSON/);
  });

  test('a query that does not parse → BAD_USER_INPUT', async () => {
    const r = await p.gql(`{ agencies { id `);
    expect(code(r)).toBe('BAD_USER_INPUT');
  });

  test('an unknown field → BAD_USER_INPUT naming it', async () => {
    const r = await p.gql(`{ agencies { id secretField } }`);
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors![0].message).toMatch(/secretField/);
  });
});

test('after all that, every subgraph and the gateway still answer, and the refused writes left nothing behind', async () => {
  for (const sg of Object.values(p.subgraphs))
    expect((await fetch(sg.url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  const ready = await fetch(p.gatewayUrl.replace(/\/graphql$/, '/ready'));
  expect(ready.status).toBe(200);
  const r = await p.gql(`{ agencies { id name reviewerStaffing { required } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.agencies).toHaveLength(1);
  expect(r.data.agencies[0]).toMatchObject({
    id: agencyId,
    name: '宁晋县城乡规划局',
    reviewerStaffing: { required: 1 },
  });
  expect(await rows('officer')).toBe(1);
  expect(await rows('credential')).toBe(1);
});
