import { Role } from '@tsp/shared';
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, launchBrowser, openPage, PHONE, screenshot } from '../kit/browser';
import { startDemoPlatform } from '../kit/demo-platform';
import { type GqlResult, type Platform, token } from '../kit/platform';

/**
 * The public portal's pages on a phone, against the demo of 宁晋县 through the public API: an agency's ex-ante lists,
 * the officer list and a credential's printable QR card, credential and inspection-code verification (with the
 * enterprise's rating), annual figures and supervision notices. Every page passes the accessibility scan.
 */
let p: Platform & { baseUrl: string };
let browser: Browser;
let agencies: { id: string; name: string }[];
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
};
const agency = (name: string) => agencies.find((a) => a.name === name)!;

beforeAll(async () => {
  [p, browser] = await Promise.all([startDemoPlatform(), launchBrowser()]);
  agencies = ok(await p.gql(`{ agencies(region: "宁晋县") { id name } }`)).agencies;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

/** Screenshot for the README and the artefacts, then the WCAG 2.1 AA scan. */
async function check(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityProblems(page)).toEqual([]);
}

test('an agency card on the front page opens its ex-ante lists, with links to its officers and decisions', async () => {
  const culture = agency('宁晋县文化和旅游局');
  const lists = ok(
    await p.gql(
      `query($id: ID!) { agency(id: $id) { enforcementItems { name } discretionBenchmarks { violation } }
        randomInspectionItems(agencyId: $id) { name } serviceGuides(agencyId: $id) { name }
        processFlowcharts(agencyId: $id) { flowchartSvgPath } }`,
      { id: culture.id },
    ),
  );
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/`);
  await page.getByRole('link', { name: culture.name }).click();
  await page.getByRole('heading', { level: 1, name: culture.name }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/agencies/${culture.id}`);
  for (const section of [
    '执法主体信息',
    '行政执法事项清单',
    '随机抽查事项清单',
    '服务指南',
    '执法流程图',
    '行政处罚裁量基准',
  ])
    await page.getByRole('heading', { level: 2, name: section }).waitFor();
  for (const name of [
    ...lists.agency.enforcementItems.map((i: any) => i.name),
    ...lists.randomInspectionItems.map((i: any) => i.name),
    ...lists.serviceGuides.map((i: any) => i.name),
    ...lists.agency.discretionBenchmarks.map((i: any) => i.violation),
  ])
    await page.getByRole('heading', { level: 3, name, exact: true }).first().waitFor();
  // Each flowchart links to the SVG the API names, which the gateway serves.
  const svgLinks = await page
    .locator('a[href^="/flowcharts/"]')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(svgLinks).toEqual(lists.processFlowcharts.map((f: any) => f.flowchartSvgPath));
  const svg = await fetch(`${p.baseUrl}${svgLinks[0]}`);
  expect(svg.status).toBe(200);
  expect(svg.headers.get('content-type')).toMatch(/svg/);
  expect(await page.getByRole('link', { name: '执法人员' }).last().getAttribute('href')).toBe(
    `/officers?agency=${culture.id}`,
  );
  expect(await page.getByRole('link', { name: '执法决定' }).last().getAttribute('href')).toBe(
    `/decisions?agency=${culture.id}`,
  );
  await check(page, 'portal-agency-phone');

  await page.goto(`${p.baseUrl}/agencies/00000000-0000-4000-8000-000000000000`);
  await page.getByRole('heading', { level: 1, name: '未找到该执法主体' }).waitFor();
  await page.goto(`${p.baseUrl}/agencies/not-an-id`);
  await page.getByRole('heading', { level: 1, name: '未找到该执法主体' }).waitFor();
  await page.context().close();
});

test('the officer list shows credential numbers; a card carries the QR of its verification address', async () => {
  const planning = agency('宁晋县城乡规划局');
  const officers = ok(
    await p.gql(`query($a: ID!) { publicOfficers(agencyId: $a) { name credentialNumber } }`, { a: planning.id }),
  ).publicOfficers as { name: string; credentialNumber: string }[];
  expect(officers.length).toBeGreaterThan(0);
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/officers`);
  await page.getByText('请选择执法主体后查询').waitFor();
  await page.getByLabel('执法主体', { exact: true }).selectOption(planning.id);
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(`**/officers?agency=${planning.id}`);
  for (const o of officers) {
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: o.name, exact: true }) });
    await card.getByText(o.credentialNumber, { exact: true }).waitFor();
    await card.getByText('有效', { exact: true }).waitFor();
  }
  await check(page, 'portal-officers-phone');

  const first = officers[0];
  await page.getByRole('link', { name: `${first.name}的亮证二维码` }).click();
  await page.getByRole('heading', { level: 1, name: '行政执法证件核验码' }).waitFor();
  const qr = page.getByRole('img', { name: `证号 ${first.credentialNumber} 的核验二维码` });
  await qr.locator('svg').waitFor();
  const url = `${p.baseUrl}/verify/credential/${first.credentialNumber}`;
  await page.getByText(url).waitFor();
  await page.getByText(first.name, { exact: true }).waitFor();
  // The QR's modules decode back to the address: re-encode it with the same library and compare the drawing.
  const QR = await import('qrcode');
  const expected = await QR.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const drawn = await qr.innerHTML();
  const modules = (svg: string) => /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1];
  expect(modules(drawn)).toBeTruthy();
  expect(modules(drawn)).toBe(modules(expected));
  // Printed, the card stands alone: no site header, no buttons.
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('header.site').isVisible()).toBe(false);
  expect(await page.getByRole('button', { name: '打印' }).isVisible()).toBe(false);
  await page.emulateMedia({ media: 'screen' });
  await check(page, 'portal-officer-card-phone');
  await page.context().close();
});

test('credential verification: a demo number is valid, an unknown one says so, both by form and by link', async () => {
  const culture = agency('宁晋县文化和旅游局');
  const [officer] = ok(
    await p.gql(`query($a: ID!) { publicOfficers(agencyId: $a) { name credentialNumber } }`, { a: culture.id }),
  ).publicOfficers;
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/verify`);
  await page.getByRole('heading', { level: 1, name: '执法证件核验' }).waitFor();
  await check(page, 'portal-verify-phone');
  await page.getByLabel('执法证号').fill(officer.credentialNumber);
  await page.getByLabel('执法证号').press('Enter');
  await page.waitForURL(`**/verify/credential/${officer.credentialNumber}`);
  await page.getByRole('heading', { level: 2, name: `证号 ${officer.credentialNumber}：有效` }).waitFor();
  await page.getByText(officer.name, { exact: true }).waitFor();
  await page.getByText(culture.name, { exact: true }).waitFor();
  await check(page, 'portal-credential-valid-phone');

  await page.goto(`${p.baseUrl}/verify/credential/00000000000000`);
  await page.getByRole('heading', { level: 2, name: '证号 00000000000000：未查到该证号' }).waitFor();
  expect(await page.getByText('持证人').count()).toBe(0);
  await check(page, 'portal-credential-unknown-phone');
  await page.context().close();
});

test('suspended, revoked and expired credentials each say so, with what they cannot do', async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'portal-test' });
  const credentials = ok(
    await p.gql(
      `{ agencies(region: "宁晋县") { name officers { credentials { number status } } } }`,
      {},
      { token: admin },
    ),
  ).agencies.flatMap((a: any) =>
    a.officers.flatMap((o: any) => o.credentials.map((c: any) => ({ ...c, agency: a.name }))),
  );
  // The demo has a suspended and an expired credential; revoking is final, so the test revokes one of its own choosing.
  const toRevoke = credentials.find((c: any) => c.agency === '宁晋县司法局' && c.status === 'VALID');
  ok(
    await p.gql(
      `mutation($n: String!) { changeCredentialStatus(number: $n, status: REVOKED, reason: "调离执法岗位，注销证件") { status } }`,
      { n: toRevoke.number },
      { token: admin },
    ),
  );
  const cases = [
    { status: 'SUSPENDED', title: '已暂扣', advice: '该证件已被暂扣，持证人目前不得从事行政执法活动。' },
    { status: 'REVOKED', title: '已吊销或注销', advice: '该证件已被吊销或注销，不得用于行政执法。' },
    { status: 'EXPIRED', title: '已过期', advice: '该证件已超过有效期，不得用于行政执法。' },
  ];
  const page = await openPage(browser, PHONE);
  for (const c of cases) {
    const number =
      c.status === 'REVOKED' ? toRevoke.number : credentials.find((x: any) => x.status === c.status)?.number;
    expect(number).toBeDefined();
    await page.goto(`${p.baseUrl}/verify/credential/${number}`);
    await page.getByRole('heading', { level: 2, name: `证号 ${number}：${c.title}` }).waitFor();
    await page.getByText(c.advice).waitFor();
  }
  await check(page, 'portal-credential-expired-phone');
  await page.context().close();
});

test('an inspection code shows what it proves; a finished visit not yet rated takes the enterprise’s rating once', async () => {
  // The codes are handed over by the inspecting agency: its staff read them.
  const inspections: any[] = [];
  for (const a of agencies) {
    const staff = await token({ role: Role.OFFICER, sub: 'portal-test', agencyId: a.id });
    const q = `{ inspections(first: 50) { edges { node { status agency { name } targets { code ratedAt } } } } }`;
    for (const e of ok(await p.gql(q, {}, { token: staff })).inspections.edges)
      if (e.node.targets.every((t: any) => t.code)) inspections.push(e.node);
  }
  const finished = inspections.find((i: any) => i.status === 'FINISHED' && i.targets.some((t: any) => !t.ratedAt));
  const approved = inspections.find((i: any) => i.status === 'APPROVED');
  expect(finished).toBeDefined();
  expect(approved).toBeDefined();

  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/verify/inspection/${approved.targets[0].code}`);
  await page.getByRole('heading', { level: 2, name: /^检查码：(有效|未到检查期限)$/ }).waitFor();
  await page.getByRole('link', { name: approved.agency.name }).waitFor();
  expect(await page.getByRole('heading', { name: '企业评价' }).count()).toBe(0);
  await check(page, 'portal-inspection-code-phone');

  const code = finished.targets.find((t: any) => !t.ratedAt).code;
  await page.goto(`${p.baseUrl}/verify/inspection/${code}`);
  await page.getByRole('heading', { level: 2, name: '检查码：检查已结束' }).waitFor();
  await page.getByRole('group', { name: '本次检查的评分' }).waitFor();
  await check(page, 'portal-inspection-rating-phone');
  await page.getByLabel('4 分 较满意').check();
  await page.getByLabel(/意见建议/).fill('检查人员出示了证件，流程规范');
  await page.getByRole('button', { name: '提交评价' }).click();
  await page.getByRole('status').filter({ hasText: '评价已提交（4 分）' }).waitFor();
  const after = ok(
    await p.gql(`query($c: String!) { verifyInspectionCode(code: $c) { rated } }`, { c: code }),
  ).verifyInspectionCode;
  expect(after.rated).toBe(true);
  await page.reload();
  await page.getByText('已使用此检查码评价过本次检查').waitFor();

  await page.goto(`${p.baseUrl}/verify/inspection/no-such-code`);
  await page.getByRole('heading', { level: 2, name: '未查到该检查码' }).waitFor();
  await page.context().close();
});

test('annual figures of an agency and year; the bureau’s notices', async () => {
  const culture = agency('宁晋县文化和旅游局');
  const year = new Date().getFullYear();
  const report = ok(
    await p.gql(
      `query($a: ID!, $y: Int!) { annualReport(agencyId: $a, year: $y) { decisions byCategory { count } } }`,
      {
        a: culture.id,
        y: year,
      },
    ),
  ).annualReport;
  expect(report.decisions).toBeGreaterThan(0);
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/reports?agency=${culture.id}&year=${year}`);
  await page.getByRole('heading', { level: 2, name: `${year}年度数据` }).waitFor();
  const figure = page.locator('.figures div').filter({ has: page.getByText('执法决定', { exact: true }) });
  expect(await figure.locator('dd').textContent()).toBe(`${report.decisions} 件`);
  await check(page, 'portal-reports-phone');

  const notices = ok(
    await p.gql(`{ supervisionNotices(region: "宁晋县") { edges { node { title agencies { name } } } } }`),
  ).supervisionNotices.edges.map((e: any) => e.node);
  expect(notices.length).toBeGreaterThan(0);
  await page.goto(`${p.baseUrl}/notices`);
  for (const n of notices) {
    const item = page.getByRole('article', { name: n.title });
    await item.waitFor();
    for (const a of n.agencies) await item.getByRole('link', { name: a.name }).waitFor();
  }
  await check(page, 'portal-notices-phone');
  await page.context().close();
});
