import { Role } from '@tsp/shared';
import type { Browser, Page } from 'playwright-core';

import { accessibilityProblems, launchBrowser, openPage, PHONE, screenshot } from '../kit/browser';
import { startDemoPlatform } from '../kit/demo-platform';
import { type GqlResult, type Platform, token } from '../kit/platform';

/**
 * 执法决定公示 in the portal on a phone: search with filters kept in the address, paging by cursor, a decision's
 * corrections and withdrawal history, and the whole thing by keyboard alone. The demo's drafts are published and a
 * correction and a run of inspection results are added through the API first, as the agencies would.
 */
let p: Platform & { baseUrl: string };
let browser: Browser;
let culture: string, planning: string;
let corrected: { id: string; caseNumber: string };
let correctedFrom: string;
const PAGING_TEXT = '门户分页测试';
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!;
};
const staff = (agencyId: string) => token({ role: Role.OFFICER, sub: 'portal-test', agencyId });

beforeAll(async () => {
  [p, browser] = await Promise.all([startDemoPlatform(), launchBrowser()]);
  const agencies = ok(await p.gql(`{ agencies(region: "宁晋县") { id name } }`)).agencies as any[];
  culture = agencies.find((a) => a.name === '宁晋县文化和旅游局').id;
  planning = agencies.find((a) => a.name === '宁晋县城乡规划局').id;
  // The demo leaves most decisions as drafts awaiting the agency's check; publish them.
  const supervisor = await token({ role: Role.SUPERVISOR, sub: 'portal-test', region: '宁晋县' });
  const drafts = ok(
    await p.gql(
      `{ publications(first: 200, filter: { status: DRAFT }) { edges { node { id publishable agency { id } } } } }`,
      {},
      { token: supervisor },
    ),
  ).publications.edges.map((e: any) => e.node);
  for (const d of drafts.filter((d: any) => d.publishable))
    ok(
      await p.gql(
        `mutation($id: ID!) { publishDecision(id: $id, checkNote: "经审核同意公示") { id } }`,
        { id: d.id },
        {
          token: await staff(d.agency.id),
        },
      ),
    );
  const [first] = ok(
    await p.gql(
      `query($a: ID!) { publications(filter: { agencyId: $a, category: PENALTY }) { edges { node { id } } } }`,
      {
        a: culture,
      },
    ),
  ).publications.edges;
  corrected = ok(
    await p.gql(
      `mutation($id: ID!) { correctPublication(id: $id, input: { legalBasis: "《娱乐场所管理条例》第四十三条（更正）" },
        reason: "法律依据条款引用笔误，予以更正") { id caseNumber } }`,
      { id: first.node.id },
      { token: await staff(culture) },
    ),
  ).correctPublication;
  correctedFrom = first.node.legalBasis;
  // One more than a page of results, so the list pages.
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 1; i <= 11; i++)
    ok(
      await p.gql(
        `mutation($i: InspectionResultInput!) { publishInspectionResult(input: $i) { id } }`,
        {
          i: {
            agencyId: planning,
            inspectionNumber: `宁规抽〔2026〕${100 + i}号`,
            partyName: `宁晋县第${i}建筑工程有限公司`,
            partyType: 'ORGANIZATION',
            partyIsMinor: false,
            summary: `${PAGING_TEXT}：竣工规划条件核实第${i}项`,
            conclusion: '未发现问题',
            legalBasis: '《中华人民共和国城乡规划法》第四十五条',
            inspectedOn: today,
            publishNow: true,
          },
        },
        { token: await staff(planning) },
      ),
    );
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

async function check(page: Page, name: string) {
  await screenshot(page, name);
  expect(await accessibilityProblems(page)).toEqual([]);
}

/**
 * The case numbers the result list shows, once they are the expected ones or the deadline passed (the address
 * changes before the page renders the new answer, so the old list may still be there for a moment).
 */
async function listed(page: Page, expected: string[]): Promise<string[]> {
  await page
    // A string, evaluated in the page: the test project is compiled without the DOM's types.
    .waitForFunction(
      `JSON.stringify([...document.querySelectorAll('ul.decisions h3')].map((h) => h.textContent)) === ${JSON.stringify(
        JSON.stringify(expected),
      )}`,
      undefined,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  return page.locator('ul.decisions h3').allInnerTexts();
}

/** What the API answers for a filter, page by page: the expectation for the list. */
async function apiPages(filter: Record<string, unknown>): Promise<string[][]> {
  const pages: string[][] = [];
  let after: string | null = null;
  do {
    const r: any = ok(
      await p.gql(
        `query($f: PublicationFilter, $a: String) { publications(filter: $f, first: 10, after: $a) {
          edges { node { caseNumber } } pageInfo { hasNextPage endCursor } } }`,
        { f: filter, a: after },
      ),
    ).publications;
    pages.push(r.edges.map((e: any) => e.node.caseNumber));
    after = r.pageInfo.hasNextPage ? r.pageInfo.endCursor : null;
  } while (after);
  return pages;
}

test('filters by agency and category from the form, kept in the address, list what the API lists', async () => {
  const [expected, ...more] = await apiPages({ agencyId: culture, category: 'PENALTY' });
  expect(more).toEqual([]);
  expect(expected.length).toBeGreaterThanOrEqual(2);
  const all = ok(await p.gql(`{ publications(first: 200) { edges { node { id } } } }`)).publications.edges.length;
  expect(all).toBeGreaterThan(expected.length);

  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/decisions`);
  await page.getByRole('heading', { level: 1, name: '执法决定公示' }).waitFor();
  await page.getByLabel('执法主体', { exact: true }).selectOption(culture);
  await page.getByLabel('执法类别').selectOption('PENALTY');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(
    (u) => u.searchParams.get('agency') === culture && u.searchParams.get('category') === 'PENALTY',
  );
  expect(await listed(page, expected)).toEqual(expected);
  await check(page, 'portal-phone');

  // The address alone restores the search, fields included.
  await page.reload();
  expect(await listed(page, expected)).toEqual(expected);
  expect(await page.getByLabel('执法类别').inputValue()).toBe('PENALTY');
  // A date range after every decision leaves nothing.
  await page.goto(`${p.baseUrl}/decisions?from=2099-01-01`);
  await page.getByText('没有符合条件的公示。').waitFor();
  await page.context().close();
});

test('a search longer than a page pages by cursor: ten, then the rest, then no next page', async () => {
  const [firstPage, secondPage, ...more] = await apiPages({ text: PAGING_TEXT, agencyId: planning });
  expect(more).toEqual([]);
  expect(firstPage).toHaveLength(10);
  expect(secondPage).toHaveLength(1);
  expect(new Set([...firstPage, ...secondPage])).toEqual(
    new Set(Array.from({ length: 11 }, (_, i) => `宁规抽〔2026〕${101 + i}号`)),
  );
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/decisions?q=${encodeURIComponent(PAGING_TEXT)}&agency=${planning}`);
  expect(await listed(page, firstPage)).toEqual(firstPage);
  await page.getByRole('link', { name: '下一页' }).click();
  await page.waitForURL((u) => !!u.searchParams.get('after'));
  await page.getByRole('heading', { level: 2, name: '查询结果（后续页）' }).waitFor();
  expect(await listed(page, secondPage)).toEqual(secondPage);
  expect(await page.getByRole('link', { name: '下一页' }).count()).toBe(0);
  await page.getByRole('link', { name: '回到第一页' }).waitFor();
  await check(page, 'portal-decisions-page2-phone');
  await page.goBack();
  expect(await listed(page, firstPage)).toEqual(firstPage);
  await page.context().close();
});

test('a decision page shows its corrections with the text as it stood, and a withdrawal due', async () => {
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/decisions?agency=${culture}`);
  await page.getByRole('link', { name: corrected.caseNumber }).click();
  await page.getByRole('heading', { level: 1, name: corrected.caseNumber }).waitFor();
  expect(new URL(page.url()).pathname).toBe(`/decisions/${corrected.id}`);
  await page.getByRole('heading', { level: 2, name: '修订与撤回记录' }).waitFor();
  const correction = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /^纠错更正/ }) });
  await correction.getByText('理由：法律依据条款引用笔误，予以更正').waitFor();
  await page.getByText('《娱乐场所管理条例》第四十三条（更正）').first().waitFor();
  await correction.getByText('查看更正前后对照').click();
  await correction.getByRole('deletion').filter({ hasText: correctedFrom }).waitFor();
  await correction.getByRole('insertion').filter({ hasText: '《娱乐场所管理条例》第四十三条（更正）' }).waitFor();
  await check(page, 'portal-decision-phone');

  // The demo's decision revoked after publication: its withdrawal is due and says so.
  const due = ok(await p.gql(`{ publications(first: 200) { edges { node { id revisions { action } } } } }`))
    .publications.edges.map((e: any) => e.node)
    .find((n: any) => n.revisions.some((r: any) => r.action === 'WITHDRAWAL_REQUIRED'));
  expect(due).toBeDefined();
  await page.goto(`${p.baseUrl}/decisions/${due.id}`);
  await page.getByRole('heading', { level: 3, name: /^决定变更或撤销，须撤回/ }).waitFor();

  await page.goto(`${p.baseUrl}/decisions/00000000-0000-4000-8000-000000000000`);
  await page.getByRole('heading', { level: 1, name: '未找到该执法决定' }).waitFor();
  await check(page, 'portal-decision-unknown-phone');
  await page.context().close();
});

test('by keyboard alone: the skip link, the navigation, the search form; Enter searches; focus is visible', async () => {
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/decisions`);
  await page.getByRole('heading', { level: 1, name: '执法决定公示' }).waitFor();
  // What has focus, and whether its focus ring shows (evaluated in the page, as text: no DOM types here).
  const focused = (): Promise<{ text: string; id: string; outline: boolean; onScreen: boolean }> =>
    page.evaluate(`(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        text: (el.textContent ?? '').trim(),
        id: el.id,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
        onScreen: box.right > 0 && box.bottom > 0 && box.width > 0,
      };
    })()`);

  await page.keyboard.press('Tab');
  const skip = await focused();
  expect(skip).toMatchObject({ text: '跳到正文', outline: true, onScreen: true });
  // The rest of the frame, in order, each with a visible focus, until the search field.
  const reached: string[] = [];
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    expect(f.outline).toBe(true);
    if (f.id === 'q') break;
    reached.push(f.text);
  }
  expect(reached).toEqual(['行政执法公示', '首页', '执法决定', '执法人员', '证件核验', '年度数据', '监督通报']);
  await page.keyboard.type(PAGING_TEXT);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('q') === PAGING_TEXT);
  const [expected] = await apiPages({ text: PAGING_TEXT });
  expect(expected).toHaveLength(10);
  expect(await listed(page, expected)).toEqual(expected);

  // The skip link jumps past the navigation: the next Tab lands in the page's own form.
  await page.goto(`${p.baseUrl}/decisions`);
  await page.getByRole('heading', { level: 1, name: '执法决定公示' }).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  expect((await focused()).id).toBe('q');
  await page.context().close();
});
