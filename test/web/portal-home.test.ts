import type { Browser } from 'playwright-core';

import { accessibilityProblems, launchBrowser, openPage, PHONE, screenshot } from '../kit/browser';
import { startDemoPlatform } from '../kit/demo-platform';
import type { Platform } from '../kit/platform';

/**
 * The portal's front page in a real Chromium on a phone-sized screen, served by the gateway from web/dist and
 * reading the demo's agencies through the public API.
 */
let p: Platform & { baseUrl: string };
let browser: Browser;

beforeAll(async () => {
  [p, browser] = await Promise.all([startDemoPlatform(), launchBrowser()]);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await p?.stop();
});

test('the front page lists the agencies of 宁晋县 and passes the accessibility scan', async () => {
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/`);
  await page.getByRole('heading', { level: 1, name: '行政执法公示' }).waitFor();
  await page.getByText('宁晋县城乡规划局').waitFor();
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  await screenshot(page, 'portal-home-phone');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.context().close();
});

test('an unknown page of the app answers the app, which says so; the API paths are not the app', async () => {
  const page = await openPage(browser, PHONE);
  await page.goto(`${p.baseUrl}/agencies/does-not-exist/nothing`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  expect((await fetch(`${p.baseUrl}/health`)).headers.get('content-type')).toMatch(/json/);
  const asset = await fetch(`${p.baseUrl}/assets/not-a-file.js`);
  expect(asset.status).toBe(404);
  await page.context().close();
});
