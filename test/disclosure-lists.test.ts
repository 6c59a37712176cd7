import { seedDisclosure } from '@tsp/scripts/seed/disclosure';
import { Role } from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/** Ex-ante lists (事前公开) are kept by each agency, versioned and public; inspection results and periods. */
let p: Platform;
let planning: string, culture: string;
let officer: string, cultureOfficer: string, supervisor: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

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
  planning = await mk('L01', '宁晋县城乡规划局');
  culture = await mk('L02', '宁晋县文化和旅游局');
  officer = await token({ role: Role.OFFICER, sub: 'o-1', agencyId: planning });
  cultureOfficer = await token({ role: Role.OFFICER, sub: 'o-2', agencyId: culture });
  supervisor = await token({ role: Role.SUPERVISOR, sub: 's-1', region: '宁晋县' });
});
afterAll(async () => {
  await p?.stop();
});

const ITEM = {
  name: '对未取得建设工程规划许可证进行建设的处罚',
  category: 'PENALTY',
  legalBasis: '《中华人民共和国城乡规划法》第六十四条',
  responsibleBody: '宁晋县城乡规划局',
};

test('an enforcement item is versioned: the public sees the current version, its date and the history', async () => {
  const m = `mutation($a: ID!, $i: EnforcementItemInput!, $id: ID) { upsertEnforcementItem(agencyId: $a, input: $i, id: $id) { id version updatedAt legalBasis } }`;
  const v1 = ok(await p.gql(m, { a: planning, i: ITEM }, { token: officer })).upsertEnforcementItem;
  expect(v1.version).toBe(1);
  const same = ok(await p.gql(m, { a: planning, i: ITEM, id: v1.id }, { token: officer })).upsertEnforcementItem;
  expect(same.version).toBe(1);
  const v2 = ok(
    await p.gql(
      m,
      { a: planning, i: { ...ITEM, legalBasis: '《中华人民共和国城乡规划法》第六十四条、第六十八条' }, id: v1.id },
      { token: officer },
    ),
  ).upsertEnforcementItem;
  expect(v2.version).toBe(2);
  const pub = ok(
    await p.gql(
      `query($a: ID!) { enforcementItems(agencyId: $a) { id version updatedAt legalBasis revisions { version contentJson } } }`,
      { a: planning },
    ),
  ).enforcementItems;
  expect(pub).toHaveLength(1);
  expect(pub[0]).toMatchObject({ id: v1.id, version: 2, legalBasis: v2.legalBasis });
  expect(pub[0].revisions.map((r: any) => r.version)).toEqual([2, 1]);
  expect(JSON.parse(pub[0].revisions[1].contentJson).legalBasis).toBe(ITEM.legalBasis);
  const viaAgency = ok(await p.gql(`query($a: ID!) { agency(id: $a) { enforcementItems { id } } }`, { a: planning }))
    .agency.enforcementItems;
  expect(viaAgency).toEqual([{ id: v1.id }]);
});

test('only the agency itself writes its lists; bad input names the field', async () => {
  const m = `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`;
  expect(code(await p.gql(m, { a: planning, i: ITEM }, { token: cultureOfficer }))).toBe('FORBIDDEN');
  expect(code(await p.gql(m, { a: planning, i: ITEM }, { token: supervisor }))).toBe('FORBIDDEN');
  expect(code(await p.gql(m, { a: planning, i: ITEM }))).toBe('UNAUTHENTICATED');
  const bad = await p.gql(m, { a: planning, i: { ...ITEM, name: '  ' } }, { token: officer });
  expect(code(bad)).toBe('BAD_USER_INPUT');
  expect(bad.errors![0].message).toMatch(/^name/);
});

test('random-inspection items, service guides and body information are public after the agency publishes them', async () => {
  ok(
    await p.gql(
      `mutation($a: ID!, $i: RandomInspectionItemInput!) { upsertRandomInspectionItem(agencyId: $a, input: $i) { id } }`,
      {
        a: culture,
        i: {
          name: '营业性演出活动监督检查',
          inspectingBody: '宁晋县文化和旅游局',
          legalBasis: '《营业性演出管理条例》第三十五条',
          inspectedObjects: '辖区内营业性演出场所、演出经营主体',
          content: '演出许可、演出内容、安全措施',
          samplingRatio: '5%',
          method: '双随机抽取、现场检查',
          frequency: '每年不少于1次',
        },
      },
      { token: cultureOfficer },
    ),
  );
  ok(
    await p.gql(
      `mutation($a: ID!, $i: ServiceGuideInput!) { upsertServiceGuide(agencyId: $a, input: $i) { id } }`,
      {
        a: culture,
        i: {
          name: '营业性演出许可',
          category: 'LICENSING',
          legalBasis: '《营业性演出管理条例》第六条',
          body: '宁晋县文化和旅游局',
          handlingUnit: '行政审批窗口',
          object: '文艺表演团体、个体演员',
          applicationMaterials: ['申请书', '营业执照复印件', '演出节目内容材料'],
          process: '申请—受理—审查—决定—送达',
          timeLimit: '20个工作日',
          supervision: '宁晋县司法局',
          remedy: '行政复议或行政诉讼',
          officeHours: '工作日 8:30-12:00 14:30-17:30',
          address: '宁晋县政务服务中心二楼',
          phone: '0319-5812345',
        },
      },
      { token: cultureOfficer },
    ),
  );
  ok(
    await p.gql(
      `mutation($a: ID!, $i: AgencyDisclosureInput!) { upsertAgencyDisclosure(agencyId: $a, input: $i) { version } }`,
      {
        a: culture,
        i: {
          duties: '文化市场监督管理',
          powers: '行政许可、行政处罚、行政检查',
          legalBasis: '《营业性演出管理条例》',
          procedures: '见流程图',
          supervisionChannels: '宁晋县司法局',
          remedyChannels: '行政复议、行政诉讼',
        },
      },
      { token: cultureOfficer },
    ),
  );
  const r = ok(
    await p.gql(
      `query($a: ID!) {
    randomInspectionItems(agencyId: $a) { name samplingRatio frequency version }
    serviceGuides(agencyId: $a) { name applicationMaterials timeLimit officeHours phone fees }
    agencyDisclosure(agencyId: $a) { duties remedyChannels version updatedAt }
  }`,
      { a: culture },
    ),
  );
  expect(r.randomInspectionItems).toEqual([
    { name: '营业性演出活动监督检查', samplingRatio: '5%', frequency: '每年不少于1次', version: 1 },
  ]);
  expect(r.serviceGuides[0]).toMatchObject({
    name: '营业性演出许可',
    applicationMaterials: ['申请书', '营业执照复印件', '演出节目内容材料'],
    fees: '不收费',
  });
  expect(r.agencyDisclosure).toMatchObject({ duties: '文化市场监督管理', version: 1 });
  expect(
    ok(await p.gql(`query($a: ID!) { agencyDisclosure(agencyId: $a) { version } }`, { a: planning })).agencyDisclosure,
  ).toBeNull();
});

test('a retired entry leaves the public list and stays in its history', async () => {
  const id = ok(
    await p.gql(
      `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
      { a: culture, i: { ...ITEM, name: '临时事项', responsibleBody: '宁晋县文化和旅游局' } },
      { token: cultureOfficer },
    ),
  ).upsertEnforcementItem.id;
  ok(
    await p.gql(
      `mutation($id: ID!) { retireListEntry(id: $id, reason: "法规修改，事项取消") }`,
      { id },
      { token: cultureOfficer },
    ),
  );
  const items = ok(
    await p.gql(`query($a: ID!) { enforcementItems(agencyId: $a) { id } }`, { a: culture }),
  ).enforcementItems;
  expect(items.map((x: any) => x.id)).not.toContain(id);
});

test('process flowcharts come from the configured steps: Mermaid in the schema, SVG over HTTP', async () => {
  const q = `query($a: ID!) { processFlowcharts(agencyId: $a) { category isDefault version flowchartMermaid flowchartSvgPath steps { name } } }`;
  const defaults = ok(await p.gql(q, { a: planning })).processFlowcharts;
  const penalty = defaults.find((f: any) => f.category === 'PENALTY');
  expect(penalty.isDefault).toBe(true);
  expect(penalty.flowchartMermaid).toMatch(/^flowchart TD/);
  const set = ok(
    await p.gql(
      `mutation($a: ID!) { setProcessSteps(agencyId: $a, category: PENALTY, steps: [{ name: "立案" }, { name: "调查取证", timeLimit: "30日" }, { name: "决定" }]) { version isDefault flowchartMermaid flowchartSvgPath } }`,
      { a: planning },
      { token: officer },
    ),
  ).setProcessSteps;
  expect(set).toMatchObject({ version: 1, isDefault: false, flowchartSvgPath: `/flowcharts/${planning}/PENALTY.svg` });
  expect(set.flowchartMermaid).toContain('S1 --> S2');
  // Served publicly through the gateway; the subgraph itself answers only the gateway.
  const base = p.gatewayUrl.replace(/\/graphql$/, '');
  expect((await fetch(`${p.subgraphs.disclosure.url.replace(/\/graphql$/, '')}${set.flowchartSvgPath}`)).status).toBe(
    403,
  );
  const svg = await fetch(`${base}${set.flowchartSvgPath}`);
  expect(svg.status).toBe(200);
  expect(svg.headers.get('content-type')).toMatch(/image\/svg\+xml/);
  const body = await svg.text();
  expect(body).toContain('<svg');
  expect(body).toContain('调查取证（30日）');
  expect(body).not.toContain('结案归档');
  expect((await fetch(`${base}/flowcharts/${planning}/NOPE.svg`)).status).toBe(404);
});

test('a random-inspection result is published masked, like a decision; periods are configurable per penalty kind', async () => {
  const r = ok(
    await p.gql(
      `mutation($i: InspectionResultInput!) { publishInspectionResult(input: $i) { id kind status category partyName summary dueOn expiresOn } }`,
      {
        i: {
          agencyId: culture,
          inspectionNumber: '宁文旅抽〔2026〕3号',
          partyName: '李建国',
          partyType: 'NATURAL_PERSON',
          summary: '李建国经营的演出场所（电话13812345678）证照齐全',
          conclusion: '未发现问题',
          legalBasis: '《营业性演出管理条例》',
          inspectedOn: '2026-11-20',
        },
      },
      { token: cultureOfficer },
    ),
  ).publishInspectionResult;
  expect(r).toMatchObject({
    kind: 'INSPECTION_RESULT',
    status: 'PUBLISHED',
    category: 'INSPECTION',
    partyName: '李**',
  });
  expect(r.summary).not.toMatch(/建国|13812345678/);
  const pub = ok(await p.gql(`{ publications(filter: { kind: INSPECTION_RESULT }) { edges { node { id } } } }`))
    .publications.edges;
  expect(pub.map((e: any) => e.node.id)).toEqual([r.id]);

  const set = `mutation($a: ID!, $p: [PublicationPeriodInput!]!) { setPublicationPeriods(agencyId: $a, periods: $p) { penaltyKind months } }`;
  expect(
    code(await p.gql(set, { a: culture, p: [{ penaltyKind: 'WARNING', months: 0 }] }, { token: cultureOfficer })),
  ).toBe('BAD_USER_INPUT');
  expect(code(await p.gql(set, { a: culture, p: [{ penaltyKind: 'WARNING', months: 6 }] }, { token: officer }))).toBe(
    'FORBIDDEN',
  );
  const periods = ok(
    await p.gql(set, { a: culture, p: [{ penaltyKind: 'WARNING', months: 6 }] }, { token: cultureOfficer }),
  ).setPublicationPeriods;
  expect(periods.find((x: any) => x.penaltyKind === 'WARNING').months).toBe(6);
  expect(periods.find((x: any) => x.penaltyKind === 'FINE').months).toBeNull();
});

test('the demo seed writes realistic lists, guides, body information and process steps through the API', async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const mk = async (code: string, name: string) =>
    ok(
      await p.gql(
        `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name } }`,
        { i: { code, name, kind: 'PLANNING', region: '宁晋县', legalOfficeName: '法制股' } },
        { token: admin },
      ),
    ).createAgency;
  const agencies = {
    planning: await mk('S01', '宁晋县城乡规划局（演示）'),
    cultureTourism: await mk('S02', '宁晋县文化和旅游局（演示）'),
  } as any;
  const as = async (claims: any, q: string, v?: Record<string, unknown>) =>
    ok(await p.gql(q, v, { token: await token(claims) }));
  const counts = await seedDisclosure(as, agencies);
  expect(counts.enforcementItems).toBe(14);
  const r = ok(
    await p.gql(
      `query($a: ID!) {
    enforcementItems(agencyId: $a) { name responsibleBody }
    serviceGuides(agencyId: $a) { name remedy }
    agencyDisclosure(agencyId: $a) { duties }
    processFlowcharts(agencyId: $a) { category isDefault }
  }`,
      { a: agencies.planning.id },
    ),
  );
  expect(r.enforcementItems.map((i: any) => i.name)).toContain('对未取得建设工程规划许可证进行建设的处罚');
  expect(r.enforcementItems[0].responsibleBody).toBe('宁晋县城乡规划局（演示）');
  expect(r.serviceGuides[0].remedy).toMatch(/行政复议/);
  expect(r.processFlowcharts.find((f: any) => f.category === 'PENALTY').isDefault).toBe(false);
  const culture = ok(
    await p.gql(`query($a: ID!) { serviceGuides(agencyId: $a) { name } }`, { a: agencies.cultureTourism.id }),
  ).serviceGuides;
  expect(culture.map((g: any) => g.name)).toContain('营业性演出许可');
});
