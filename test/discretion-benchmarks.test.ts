import { disclosureClient, Role } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/** 行政处罚裁量基准 Discretion benchmarks are published on the ex-ante lists: versioned, public, the agency's own. */
let p: Platform;
let planning: string, culture: string;
let head: string, cultureOfficer: string;
let item: string, cultureItem: string, licensingItem: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

const UPSERT = `mutation($a: ID!, $i: DiscretionBenchmarkInput!, $id: ID) { upsertDiscretionBenchmark(agencyId: $a, input: $i, id: $id) {
  id agencyId enforcementItemId version active minorExemption firstViolationExemption tiers { tier minFine maxFine } } }`;
const FIELDS = `id version violation tiers { tier circumstances minFine maxFine } minorExemption firstViolationExemption active`;

const benchmark = (enforcementItemId: string, over: Record<string, unknown> = {}) => ({
  enforcementItemId,
  violation: '未取得建设工程规划许可证进行建设',
  legalBasis: '《中华人民共和国城乡规划法》第四十条、第六十四条',
  tiers: [
    { tier: 'NO_PENALTY', circumstances: '尚可采取改正措施，及时改正且未造成危害后果' },
    { tier: 'LENIENT', circumstances: '主动消除或者减轻危害后果', minFine: '5000', maxFine: '20000.00' },
    { tier: 'ORDINARY', circumstances: '一般情形', minFine: '20000.01', maxFine: '60000' },
    { tier: 'HEAVIER', circumstances: '拒不停止建设', minFine: '60000.01', maxFine: '100000' },
  ],
  minorExemption: '违法建设面积不超过10平方米，责令改正后及时改正，未造成危害后果',
  firstViolationExemption: null,
  ...over,
});

const upsert = (tok: string, agencyId: string, input: unknown, id?: string) =>
  p.gql(UPSERT, { a: agencyId, i: input, id }, { token: tok });
const stored = async () =>
  Number(
    (
      await sql<{ n: string }>(
        p.databaseUrl,
        `select count(*) as n from disclosure.listing_revision r
      join disclosure.listing l on l.id = r.listing_id where l.kind = 'DISCRETION_BENCHMARK'`,
      )
    )[0].n,
  );

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const mk = async (code: string, name: string) =>
    ok(
      await p.gql(
        `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
        { i: { code, name, kind: 'PLANNING', region: '宁晋县', legalOfficeName: '法制股' } },
        { token: admin },
      ),
    ).createAgency.id as string;
  planning = await mk('D01', '宁晋县城乡规划局');
  culture = await mk('D02', '宁晋县文化和旅游局');
  head = await token({ role: Role.AGENCY_HEAD, sub: 'h-1', agencyId: planning });
  cultureOfficer = await token({ role: Role.OFFICER, sub: 'o-2', agencyId: culture });
  const mkItem = async (tok: string, agencyId: string, name: string, category = 'PENALTY') =>
    ok(
      await p.gql(
        `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
        { a: agencyId, i: { name, category, legalBasis: '依据', responsibleBody: '责任主体' } },
        { token: tok },
      ),
    ).upsertEnforcementItem.id as string;
  item = await mkItem(head, planning, '对未取得建设工程规划许可证进行建设的处罚');
  licensingItem = await mkItem(head, planning, '建设工程规划许可', 'LICENSING');
  cultureItem = await mkItem(cultureOfficer, culture, '对擅自从事营业性演出的处罚');
});
afterAll(async () => {
  await p?.stop();
});

let published: string;

test('an agency head publishes a benchmark; the public reads it without a token, by agency, by item and by id', async () => {
  const b = ok(await upsert(head, planning, benchmark(item))).upsertDiscretionBenchmark;
  published = b.id;
  expect(b).toMatchObject({ agencyId: planning, enforcementItemId: item, version: 1, active: true });
  expect(b.firstViolationExemption).toBeNull();
  expect(b.tiers[1]).toEqual({ tier: 'LENIENT', minFine: '5000.00', maxFine: '20000.00' });

  const r = ok(
    await p.gql(
      `query($a: ID!, $id: ID!) {
        discretionBenchmarks(agencyId: $a) { id }
        agency(id: $a) { discretionBenchmarks { id } enforcementItems { id discretionBenchmarks { id } } }
        discretionBenchmark(id: $id) { ${FIELDS} }
      }`,
      { a: planning, id: b.id },
    ),
  );
  expect(r.discretionBenchmarks).toEqual([{ id: b.id }]);
  expect(r.agency.discretionBenchmarks).toEqual([{ id: b.id }]);
  expect(r.agency.enforcementItems).toEqual(
    expect.arrayContaining([
      { id: item, discretionBenchmarks: [{ id: b.id }] },
      { id: licensingItem, discretionBenchmarks: [] },
    ]),
  );
  expect(r.discretionBenchmark).toMatchObject({ id: b.id, version: 1, active: true, tiers: expect.any(Array) });
  expect(r.discretionBenchmark.tiers[0]).toEqual({
    tier: 'NO_PENALTY',
    circumstances: '尚可采取改正措施，及时改正且未造成危害后果',
    minFine: null,
    maxFine: null,
  });
});

test("another service reads it through disclosure's typed client, as its contract says", async () => {
  const b = await disclosureClient('records').discretionBenchmark(published);
  expect(b).toMatchObject({ id: published, agencyId: planning, enforcementItemId: item, active: true, version: 1 });
  expect(b!.tiers.map((t) => t.tier)).toEqual(['NO_PENALTY', 'LENIENT', 'ORDINARY', 'HEAVIER']);
  expect(b!.minorExemption).toMatch(/10平方米/);
  await expect(disclosureClient('review').discretionBenchmark(item)).resolves.toBeNull(); // an item, not a benchmark
  await expect(disclosureClient('records').discretionBenchmark('not-an-id')).resolves.toBeNull();
});

test('a change is a new version with its history; saving the same again is not', async () => {
  const changed = benchmark(item, { firstViolationExemption: '初次违法，危害后果轻微并及时改正' });
  const v2 = ok(await upsert(head, planning, changed, published)).upsertDiscretionBenchmark;
  expect(v2).toMatchObject({ id: published, version: 2, firstViolationExemption: '初次违法，危害后果轻微并及时改正' });
  expect(ok(await upsert(head, planning, changed, published)).upsertDiscretionBenchmark.version).toBe(2);
  const r = ok(
    await p.gql(`query($id: ID!) { discretionBenchmark(id: $id) { version revisions { version contentJson } } }`, {
      id: published,
    }),
  ).discretionBenchmark;
  expect(r.version).toBe(2);
  expect(r.revisions.map((x: any) => x.version)).toEqual([2, 1]);
  expect(JSON.parse(r.revisions[1].contentJson).firstViolationExemption).toBeNull();
});

test("another agency's officer cannot change it, nor attach a benchmark to another agency's item", async () => {
  const before = await stored();
  expect(code(await upsert(cultureOfficer, planning, benchmark(item), published))).toBe('FORBIDDEN');
  expect(code(await upsert(cultureOfficer, culture, benchmark(cultureItem), published))).toBe('NOT_FOUND');
  expect(code(await p.gql(UPSERT, { a: planning, i: benchmark(item) }))).toBe('UNAUTHENTICATED');
  expect(await stored()).toBe(before);
});

test.each([
  ['an item of another agency', () => cultureItem],
  ['an unknown item', () => '00000000-0000-4000-8000-000000000000'],
  ['a malformed item id', () => 'item-1'],
  ['a licensing item', () => licensingItem],
])('%s is BAD_USER_INPUT on enforcementItemId, nothing written', async (_w, itemId) => {
  const before = await stored();
  const r = await upsert(head, planning, benchmark(itemId()));
  expect(code(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0].extensions!.field).toBe('enforcementItemId');
  expect(await stored()).toBe(before);
});

test.each([
  [
    'minimum above maximum',
    [{ tier: 'ORDINARY', circumstances: '一般', minFine: '3000', maxFine: '2000' }],
    'tiers[0].minFine',
  ],
  [
    'a tier twice',
    [
      { tier: 'ORDINARY', circumstances: '一般', minFine: '1000', maxFine: '2000' },
      { tier: 'ORDINARY', circumstances: '又一般', minFine: '2000', maxFine: '3000' },
    ],
    'tiers[1].tier',
  ],
  ['no tier', [], 'tiers'],
  ['a negative fine', [{ tier: 'LENIENT', circumstances: '从轻', minFine: '-1', maxFine: '10' }], 'tiers[0].minFine'],
  ['an empty circumstance', [{ tier: 'LENIENT', circumstances: '  ', minFine: '1', maxFine: '10' }], 'circumstances'],
  ['more than 10 tiers', Array.from({ length: 11 }, () => ({ tier: 'ORDINARY', circumstances: '一般' })), 'tiers'],
])('%s is BAD_USER_INPUT naming the field, nothing written', async (_w, tiers, field) => {
  const before = await stored();
  const r = await upsert(head, planning, benchmark(item, { tiers }), published);
  expect(code(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0].extensions!.field).toBe(field);
  expect(await stored()).toBe(before);
});

test('overlong text is BAD_USER_INPUT', async () => {
  const r = await upsert(head, planning, benchmark(item, { violation: '违'.repeat(2001) }));
  expect(code(r)).toBe('BAD_USER_INPUT');
  expect(r.errors![0].extensions!.field).toBe('violation');
});

test('the benchmark lists cost the same statements for one benchmark and for six', async () => {
  const items = [cultureItem];
  for (let i = 0; i < 5; i++)
    items.push(
      ok(
        await p.gql(
          `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
          { a: culture, i: { name: `演出处罚${i}`, category: 'PENALTY', legalBasis: '依据', responsibleBody: '主体' } },
          { token: cultureOfficer },
        ),
      ).upsertEnforcementItem.id,
    );
  for (const it of items) ok(await upsert(cultureOfficer, culture, benchmark(it)));
  const Q = `query($a: ID!) { discretionBenchmarks(agencyId: $a) { id revisions { version } }
    agency(id: $a) { discretionBenchmarks { id } enforcementItems { discretionBenchmarks { id tiers { tier } } } } }`;
  const fewest = async (agencyId: string, n: number) => {
    let min = Infinity;
    for (let i = 0; i < 3; i++) {
      const r = await p.countSql(() => p.gql(Q, { a: agencyId }));
      expect(ok(r.result).discretionBenchmarks).toHaveLength(n);
      min = Math.min(min, r.statements);
    }
    return min;
  };
  const one = await fewest(planning, 1);
  expect(one).toBeGreaterThan(0);
  expect(await fewest(culture, 6)).toBe(one);
});

test('an item lists at most 20 benchmarks: the 21st is BAD_USER_INPUT; changing one of the 20 is not', async () => {
  const full = ok(
    await p.gql(
      `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
      { a: planning, i: { name: '多情形事项', category: 'PENALTY', legalBasis: '依据', responsibleBody: '主体' } },
      { token: head },
    ),
  ).upsertEnforcementItem.id;
  let last = '';
  for (let i = 0; i < 20; i++)
    last = ok(await upsert(head, planning, benchmark(full, { violation: `情形${i}` }))).upsertDiscretionBenchmark.id;
  const over = await upsert(head, planning, benchmark(full, { violation: '情形20' }));
  expect(code(over)).toBe('BAD_USER_INPUT');
  expect(over.errors![0].message).toMatch(/at most 20/);
  expect(
    ok(await upsert(head, planning, benchmark(full, { violation: '情形19改' }), last)).upsertDiscretionBenchmark,
  ).toMatchObject({ id: last, version: 2 });
});

test('a retired benchmark leaves the public lists; by id it answers active: false with its history', async () => {
  ok(
    await p.gql(
      `mutation($id: ID!) { retireListEntry(id: $id, reason: "裁量基准修订，旧版废止") }`,
      { id: published },
      {
        token: head,
      },
    ),
  );
  const r = ok(
    await p.gql(
      `query($a: ID!, $id: ID!) { discretionBenchmarks(agencyId: $a) { id }
        agency(id: $a) { discretionBenchmarks { id } enforcementItems { id discretionBenchmarks { id } } }
        discretionBenchmark(id: $id) { active version revisions { version active note } } }`,
      { a: planning, id: published },
    ),
  );
  const ids = (l: { id: string }[]) => l.map((x) => x.id);
  expect(r.discretionBenchmarks.length).toBeGreaterThan(0); // the other benchmarks stay
  expect(ids(r.discretionBenchmarks)).not.toContain(published);
  expect(ids(r.agency.discretionBenchmarks)).not.toContain(published);
  expect(r.agency.enforcementItems.find((x: any) => x.id === item).discretionBenchmarks).toEqual([]);
  expect(r.discretionBenchmark).toMatchObject({ active: false, version: 3 });
  expect(r.discretionBenchmark.revisions[0]).toEqual({ version: 3, active: false, note: '裁量基准修订，旧版废止' });
  await expect(disclosureClient('records').discretionBenchmark(published)).resolves.toMatchObject({ active: false });
});
