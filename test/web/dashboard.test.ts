import { overrideConfig, Role } from '@tsp/shared';
import { SignJWT } from 'jose';
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../kit/browser';
import { startDemoPlatform } from '../kit/demo-platform';
import { type Platform, token } from '../kit/platform';

/**
 * The justice bureau's supervision dashboard in a real Chromium on a desktop screen, against the demo of 宁晋县:
 * signing in with a development token by keyboard alone, the figures the API itself gives, the drill-down to a
 * case's journal, the lists of notices, the export, and the tokens it must refuse.
 */
let p: Platform & { baseUrl: string };
let browser: Browser;
let supervisor: string;

beforeAll(async () => {
  [p, browser] = await Promise.all([startDemoPlatform(), launchBrowser()]);
  supervisor = await token({ role: Role.SUPERVISOR, sub: 'sup-ningjin', region: '宁晋县' });
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

/**
 * Presses Tab until the focused element `el` satisfies `test` (an expression evaluated in the page), as a keyboard
 * user would; fails after `max` presses.
 */
async function tabTo(page: Page, test: string, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(el => ${test})(document.activeElement)`)) return;
  }
  throw new Error(`not reached with ${max} presses of Tab`);
}

async function signIn(page: Page, t = supervisor): Promise<void> {
  await page.goto(`${p.baseUrl}/supervision`);
  await page.getByLabel('访问令牌').fill(t);
  await page.getByRole('button', { name: '登录' }).click();
}

/** The three charts drawn; if they are not, the failure says what the page shows instead (an error, still loading). */
async function chartsDrawn(page: Page): Promise<void> {
  try {
    await page.locator('.dash-chart svg').nth(2).waitFor();
  } catch (e) {
    const shown = await page.locator('[role="alert"], [role="status"]').allInnerTexts();
    throw new Error(`the three charts were not drawn; the page shows: ${JSON.stringify(shown)}`, { cause: e });
  }
}

const sumCounts = (rows: Record<string, { count: number }[] | unknown>[]) =>
  rows.reduce(
    (n, a) =>
      n +
      ['records', 'review', 'disclosure', 'personnel', 'inspection', 'supervision']
        .flatMap((k) => a[k] as { count: number }[])
        .reduce((m, c) => m + c.count, 0),
    0,
  );

test('keyboard only: Tab to the token field, Enter signs in; the overview shows the API’s count, charts and tables', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.goto(`${p.baseUrl}/supervision`);
  await page.getByRole('heading', { level: 1, name: '登录监督看板' }).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-signin-desktop');

  await tabTo(page, "el.id === 'token'");
  await page.keyboard.insertText(supervisor);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: '宁晋县行政执法监督看板' }).waitFor();

  const total = page.getByTestId('findings-total');
  await total.waitFor();
  const [from, to] = [await page.locator('#from').inputValue(), await page.locator('#to').inputValue()];
  const api = await p.gql(
    `query($r: String!, $f: Date!, $t: Date!) { supervisionSummary(region: $r, from: $f, to: $t) {
      records { count } review { count } disclosure { count } personnel { count } inspection { count }
      supervision { count } } }`,
    { r: '宁晋县', f: from, t: to },
    { token: supervisor },
  );
  expect(api.errors).toBeUndefined();
  const expected = sumCounts(api.data.supervisionSummary);
  expect(expected).toBeGreaterThan(0);
  expect(Number(await total.textContent())).toBe(expected);

  // Three charts drawn (agencies, kinds, trend), each an image with a text summary and the figures as a table.
  await chartsDrawn(page);
  expect(await page.locator('.dash-chart[role="img"]').count()).toBe(3);
  const byAgency = page.getByRole('table', { name: '按执法主体的监督发现' });
  expect(await byAgency.locator('tbody tr').count()).toBe(api.data.supervisionSummary.length);
  expect(await page.getByRole('table', { name: '按类型的监督发现' }).locator('tbody tr').count()).toBeGreaterThan(0);
  await page
    .getByRole('region', { name: /月度趋势数据表/ })
    .getByRole('table')
    .waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(1);

  await screenshot(page, 'dashboard-desktop');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.context().close();
});

test('usable narrow: on a phone-sized screen the charts fit and the page passes the scan', async () => {
  const page = await openPage(browser, PHONE);
  await signIn(page);
  await chartsDrawn(page);
  // Nothing wider than the screen but the scrolling tables.
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width);
  await screenshot(page, 'dashboard-phone');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.context().close();
});

test('the current findings match the API; keyboard drill-down to a case shows its stage and intact journal', async () => {
  const page = await openPage(browser, DESKTOP);
  await signIn(page);
  await page.getByRole('link', { name: '监督发现', exact: true }).click();
  const count = page.getByTestId('current-findings');
  await count.waitFor();
  const kinds = ['record', 'review', 'disclosure', 'personnel', 'inspection', 'supervision'];
  const api = await p.gql(
    `query($r: String!) { agencies(region: $r) { ${kinds.map((k) => `${k}Findings { kind }`).join(' ')} } }`,
    { r: '宁晋县' },
    { token: supervisor },
  );
  expect(api.errors).toBeUndefined();
  const expected = (api.data.agencies as Record<string, unknown[]>[]).reduce(
    (n, a) => n + kinds.reduce((m, k) => m + a[`${k}Findings`].length, 0),
    0,
  );
  expect(Number(await count.textContent())).toBe(expected);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-findings-desktop');

  await tabTo(page, "el.textContent === '查看案件'");
  const href = await page.evaluate<string>("document.activeElement.getAttribute('href')");
  const caseId = href!.split('/').pop()!;
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: /^案件 / }).waitFor();
  const c = await p.gql(
    `query($id: ID!) { case(id: $id) { caseNumber stage journal { intact length } } }`,
    {
      id: caseId,
    },
    { token: supervisor },
  );
  expect(c.errors).toBeUndefined();
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(`案件 ${c.data.case.caseNumber}`);
  expect(c.data.case.journal.intact).toBe(true);
  expect(await page.getByTestId('journal-status').textContent()).toContain(
    `完好：本案 ${c.data.case.journal.length} 条记录`,
  );
  expect(await page.getByRole('region', { name: '执法记录列表' }).locator('tbody tr').count()).toBeGreaterThan(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-case-desktop');
  await page.context().close();
});

test('rectification notices and instruments as the API lists them; the CSV export downloads with the token', async () => {
  const page = await openPage(browser, DESKTOP);
  await signIn(page);
  await page.getByRole('link', { name: '整改与统计' }).click();
  await page.getByRole('heading', { level: 2, name: /^整改通知（\d+）$/ }).waitFor();
  const api = await p.gql(
    `{ rectificationNotices { id } supervisionInstruments(first: 50) { edges { node { id } } } }`,
    {},
    {
      token: supervisor,
    },
  );
  expect(api.errors).toBeUndefined();
  await page.getByRole('heading', { name: `整改通知（${api.data.rectificationNotices.length}）` }).waitFor();
  await page.getByRole('heading', { name: `监督文书（${api.data.supervisionInstruments.edges.length}）` }).waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-notices-desktop');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载 CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^宁晋县\d{4}年行政执法数据统计表\.csv$/);
  await page.getByText(/^已下载 /).waitFor();
  await page.context().close();
});

test('an agency officer’s token is refused with a clear message and nothing is kept', async () => {
  const page = await openPage(browser, DESKTOP);
  const agencies = await p.gql(`{ agencies(region: "宁晋县") { id isSupervisor } }`);
  const agencyId = agencies.data.agencies.find((a: { isSupervisor: boolean }) => !a.isSupervisor).id;
  await signIn(page, await token({ role: Role.OFFICER, sub: 'officer-x', agencyId }));
  const alert = page.getByRole('alert');
  await alert.waitFor();
  expect(await alert.textContent()).toContain('（OFFICER）不是司法局监督人员（SUPERVISOR），无权使用监督看板');
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  expect(await accessibilityProblems(page)).toEqual([]);
  await screenshot(page, 'dashboard-refused-desktop');
  await page.context().close();
});

test('a token the API does not accept (here: another signing key) returns to sign-in saying the login lapsed', async () => {
  const page = await openPage(browser, DESKTOP);
  const forged = await new SignJWT({ role: Role.SUPERVISOR, region: '宁晋县' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('sup-forged')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode('not-the-platform-secret-not-the-platform-secret'));
  await signIn(page, forged);
  await page.getByRole('alert').filter({ hasText: '登录已失效（令牌过期或无效），请重新登录。' }).waitFor();
  await page.getByLabel('访问令牌').waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  await page.context().close();
});

test('signing out forgets the token', async () => {
  const page = await openPage(browser, DESKTOP);
  await signIn(page);
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByText('您已退出登录。').waitFor();
  expect(await page.evaluate('sessionStorage.length')).toBe(0);
  await page.context().close();
});

test('/web-config.json names the OpenID provider once configured, and the sign-in then offers its login', async () => {
  expect(await (await fetch(`${p.baseUrl}/web-config.json`)).json()).toEqual({ oidc: null });
  const restore = overrideConfig({
    WEB_OIDC_ISSUER: 'https://idp.example.test/realms/gov',
    WEB_OIDC_CLIENT_ID: 'dash',
  });
  try {
    expect(await (await fetch(`${p.baseUrl}/web-config.json`)).json()).toEqual({
      oidc: { issuer: 'https://idp.example.test/realms/gov', clientId: 'dash', scope: 'openid' },
    });
    const page = await openPage(browser, DESKTOP);
    await page.goto(`${p.baseUrl}/supervision`);
    await page.getByRole('button', { name: '统一身份认证登录' }).waitFor();
    expect(await page.getByLabel('访问令牌').count()).toBe(0);
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.context().close();
  } finally {
    restore();
  }
});
