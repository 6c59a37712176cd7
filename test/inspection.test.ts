import { Role } from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/** 涉企行政检查, first slice: the enterprise register and each agency's public, versioned inspection list. */
let p: Platform;
let market: string, culture: string;
let marketHead: string, marketOfficer: string, cultureHead: string, supervisor: string, admin: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

beforeAll(async () => {
  p = await startPlatform();
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const mk = async (code: string, name: string, kind: string) =>
    ok(
      await p.gql(
        `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
        { i: { code, name, kind, region: '宁晋县', legalOfficeName: '法制股' } },
        { token: admin },
      ),
    ).createAgency.id as string;
  market = await mk('I01', '宁晋县市场监督管理局', 'MARKET_REGULATION');
  culture = await mk('I02', '宁晋县文化和旅游局', 'CULTURE_TOURISM');
  marketHead = await token({ role: Role.AGENCY_HEAD, sub: 'h-1', agencyId: market });
  marketOfficer = await token({ role: Role.OFFICER, sub: 'o-1', agencyId: market });
  cultureHead = await token({ role: Role.AGENCY_HEAD, sub: 'h-2', agencyId: culture });
  supervisor = await token({ role: Role.SUPERVISOR, sub: 's-1', region: '宁晋县' });
});
afterAll(async () => {
  await p?.stop();
});

// 华为技术有限公司's real code; the second is the same with its check character changed.
const VALID = '914403001922038216';
const REGISTER = `mutation($i: EnterpriseInput!) {
  registerEnterprise(input: $i) { id creditCode name region individualBusiness }
}`;

test('an enterprise is registered under a checked, unique credit code; a wrong code names the field', async () => {
  const i = { creditCode: ' 9144 0300 1922 0382 16 ', name: '示例科技有限公司', region: '宁晋县' };
  const e = ok(await p.gql(REGISTER, { i }, { token: marketOfficer })).registerEnterprise;
  expect(e).toMatchObject({ creditCode: VALID, name: i.name, region: '宁晋县', individualBusiness: false });

  const bad = await p.gql(REGISTER, { i: { ...i, creditCode: '914403001922038217' } }, { token: marketOfficer });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0].extensions!.field).toBe('creditCode');
  expect(bad.errors![0].message).toMatch(/^creditCode: .*check character/);

  const again = await p.gql(REGISTER, { i: { ...i, name: '另一名称' } }, { token: cultureHead });
  expect(code(again)).toBe('CONFLICT');
  expect(again.errors![0].extensions).toMatchObject({ field: 'creditCode', id: e.id });

  // Another agency and the supervisor find the same row; the public does not read the register.
  const q = `query($c: String!) { enterprise(creditCode: $c) { id individualBusiness } }`;
  expect(ok(await p.gql(q, { c: VALID }, { token: cultureHead })).enterprise.id).toBe(e.id);
  expect(ok(await p.gql(q, { c: VALID }, { token: supervisor })).enterprise.id).toBe(e.id);
  expect(code(await p.gql(q, { c: VALID }))).toBe('UNAUTHENTICATED');
  // A code that cannot exist is refused, not answered "none registered".
  const mistyped = await p.gql(q, { c: '914403001922038217' }, { token: cultureHead });
  expect(mistyped.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
  // Supervisors do not register (they supervise; agencies and the administrator register).
  expect(code(await p.gql(REGISTER, { i: { ...i, creditCode: VALID } }, { token: supervisor }))).toBe('FORBIDDEN');
});

test('an individual business (个体工商户, code 92…) is flagged from its code', async () => {
  // A code built for the test: 92 + a 宁晋县 division code + a body whose check character is computed.
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = '92130528MA0EXAMPL';
  const sum = [...body].reduce((s, c, k) => s + chars.indexOf(c) * weights[k], 0);
  const creditCode = body + chars[(31 - (sum % 31)) % 31];
  const e = ok(
    await p.gql(REGISTER, { i: { creditCode, name: '宁晋县某某小吃店', region: '宁晋县' } }, { token: admin }),
  ).registerEnterprise;
  expect(e.individualBusiness).toBe(true);
});

const ITEM = {
  name: '食品经营者落实食品安全主体责任情况检查',
  legalBasis: '《中华人民共和国食品安全法》第一百一十条',
  enforcementItem: '对食品经营活动的行政检查',
};
const ADD = `mutation($a: ID!, $i: InspectionItemInput!) {
  addInspectionItem(agencyId: $a, input: $i) { id version active }
}`;
const CHANGE = `mutation($id: ID!, $i: InspectionItemInput!, $n: String) {
  changeInspectionItem(id: $id, input: $i, note: $n) { id version legalBasis }
}`;
const RETIRE = `mutation($id: ID!, $r: String!) { retireInspectionItem(id: $id, reason: $r) { id version active } }`;
const LIST = `query($a: ID!) {
  inspectionItems(agencyId: $a) {
    id name legalBasis enforcementItem version revisions { version action legalBasis note }
  }
}`;

test('the agency head adds, changes and retires items; the public lists current ones with history', async () => {
  const kept = ok(await p.gql(ADD, { a: market, i: ITEM }, { token: marketHead })).addInspectionItem;
  expect(kept).toMatchObject({ version: 1, active: true });
  const other = {
    ...ITEM,
    name: '特种设备使用单位安全管理情况检查',
    legalBasis: '《中华人民共和国特种设备安全法》第五十七条',
  };
  const retired = ok(await p.gql(ADD, { a: market, i: other }, { token: marketHead })).addInspectionItem;

  const wider = { ...ITEM, legalBasis: '《中华人民共和国食品安全法》第一百一十条、第一百一十三条' };
  const changed = ok(
    await p.gql(CHANGE, { id: kept.id, i: wider, n: '补充依据' }, { token: marketHead }),
  ).changeInspectionItem;
  expect(changed).toMatchObject({ version: 2, legalBasis: wider.legalBasis });
  // The same content again is not a change.
  expect(ok(await p.gql(CHANGE, { id: kept.id, i: wider }, { token: marketHead })).changeInspectionItem.version).toBe(
    2,
  );

  const off = ok(await p.gql(RETIRE, { id: retired.id, r: '职能划转' }, { token: marketHead })).retireInspectionItem;
  expect(off).toMatchObject({ version: 2, active: false });
  expect(code(await p.gql(CHANGE, { id: retired.id, i: other }, { token: marketHead }))).toBe('CONFLICT');

  // No token: the current list, with each item's history.
  const list = ok(await p.gql(LIST, { a: market })).inspectionItems;
  expect(list).toHaveLength(1);
  expect(list[0]).toMatchObject({ id: kept.id, version: 2, legalBasis: wider.legalBasis });
  expect(list[0].revisions).toEqual([
    { version: 2, action: 'CHANGED', legalBasis: wider.legalBasis, note: '补充依据' },
    { version: 1, action: 'ADDED', legalBasis: ITEM.legalBasis, note: '' },
  ]);
  // A retired item stays readable with the reason; through the agency entity the list is the same.
  const gone = ok(
    await p.gql(`query($id: ID!) { inspectionItem(id: $id) { active revisions { action note } } }`, { id: retired.id }),
  ).inspectionItem;
  expect(gone).toEqual({
    active: false,
    revisions: [
      { action: 'RETIRED', note: '职能划转' },
      { action: 'ADDED', note: '' },
    ],
  });
  const viaAgency = ok(
    await p.gql(`query($a: ID!) { agency(id: $a) { name inspectionItems { id } } }`, { a: market }, { token: admin }),
  ).agency;
  expect(viaAgency).toEqual({ name: '宁晋县市场监督管理局', inspectionItems: [{ id: kept.id }] });
});

test("only the agency's head (or the administrator) keeps its list; bad input names the field", async () => {
  const item = ok(await p.gql(ADD, { a: market, i: ITEM }, { token: marketHead })).addInspectionItem;
  // Another agency's head can neither add to nor change nor retire this agency's items.
  expect(code(await p.gql(ADD, { a: market, i: ITEM }, { token: cultureHead }))).toBe('FORBIDDEN');
  expect(code(await p.gql(CHANGE, { id: item.id, i: { ...ITEM, name: '改' } }, { token: cultureHead }))).toBe(
    'FORBIDDEN',
  );
  expect(code(await p.gql(RETIRE, { id: item.id, r: '越权' }, { token: cultureHead }))).toBe('FORBIDDEN');
  // The officers who inspect do not extend the list that bounds them; supervisors and the public do not write.
  expect(code(await p.gql(ADD, { a: market, i: ITEM }, { token: marketOfficer }))).toBe('FORBIDDEN');
  expect(code(await p.gql(ADD, { a: market, i: ITEM }, { token: supervisor }))).toBe('FORBIDDEN');
  expect(code(await p.gql(ADD, { a: market, i: ITEM }))).toBe('UNAUTHENTICATED');
  // Nothing changed by the refusals.
  const after = ok(
    await p.gql(`query($id: ID!) { inspectionItem(id: $id) { version active } }`, { id: item.id }),
  ).inspectionItem;
  expect(after).toEqual({ version: 1, active: true });

  const bad = await p.gql(ADD, { a: market, i: { ...ITEM, legalBasis: ' ' } }, { token: marketHead });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0].extensions!.field).toBe('legalBasis');
  expect(code(await p.gql(RETIRE, { id: item.id, r: '' }, { token: marketHead }))).toBe('BAD_USER_INPUT');
  // The administrator may keep any agency's list.
  expect(ok(await p.gql(ADD, { a: culture, i: ITEM }, { token: admin })).addInspectionItem.version).toBe(1);
  // …of an agency that exists.
  const nobody = '00000000-0000-4000-8000-000000000000';
  expect(code(await p.gql(ADD, { a: nobody, i: ITEM }, { token: admin }))).toBe('NOT_FOUND');
});

test('changes made at the same moment each become a version of their own, none is lost', async () => {
  const item = ok(await p.gql(ADD, { a: market, i: ITEM }, { token: marketHead })).addInspectionItem;
  const answers = await Promise.all(
    [1, 2, 3, 4, 5].map((n) =>
      p.gql(CHANGE, { id: item.id, i: { ...ITEM, name: `检查事项 ${n}` } }, { token: marketHead }),
    ),
  );
  expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  expect(answers.map((a) => a.data.changeInspectionItem.version).sort()).toEqual([2, 3, 4, 5, 6]);
  const read = ok(
    await p.gql(`query($id: ID!) { inspectionItem(id: $id) { version revisions { version } } }`, { id: item.id }),
  ).inspectionItem;
  expect(read.version).toBe(6);
  expect(read.revisions.map((r: { version: number }) => r.version)).toEqual([6, 5, 4, 3, 2, 1]);
});

test('a repeated Idempotency-Key adds the item once', async () => {
  const opts = { token: cultureHead, headers: { 'idempotency-key': 'item-once' } };
  const i = { ...ITEM, name: '营业性演出活动检查', legalBasis: '《营业性演出管理条例》第三十五条' };
  const first = ok(await p.gql(ADD, { a: culture, i }, opts)).addInspectionItem;
  const second = ok(await p.gql(ADD, { a: culture, i }, opts)).addInspectionItem;
  expect(second.id).toBe(first.id);
  const names = ok(await p.gql(LIST, { a: culture })).inspectionItems.map((x: { name: string }) => x.name);
  expect(names.filter((n: string) => n === i.name)).toHaveLength(1);
});
