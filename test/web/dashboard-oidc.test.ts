import { overrideConfig, Role } from '@tsp/shared';
import type { Browser } from 'playwright-core';

import { accessibilityProblems, DESKTOP, launchBrowser, openPage } from '../kit/browser';
import { type OidcProvider, startOidcProvider } from '../kit/oidc-provider';
import { type Platform, startPlatform } from '../kit/platform';

/**
 * The dashboard's production sign-in through a real OpenID provider (oidc-provider, its own login and consent
 * pages): the page reads the provider from /web-config.json, sends the browser there (authorization code + PKCE,
 * public client), takes the code back at /supervision/callback and uses the JWT access token, which the platform
 * checks against the provider's JWKS (JWKS_URL mode).
 */
const API = 'https://api.tsp.test';
let p: Platform;
let baseUrl: string;
let idp: OidcProvider;
let browser: Browser;
let restore: (() => void) | undefined;

beforeAll(async () => {
  [p, browser] = await Promise.all([startPlatform(), launchBrowser()]);
  baseUrl = p.gatewayUrl.replace(/\/graphql$/, '');
  idp = await startOidcProvider({
    issuers: ['main'],
    resources: [API],
    clients: [],
    browserClients: [
      {
        id: 'supervision-dashboard',
        redirectUris: [`${baseUrl}/supervision/callback`],
        claims: { role: Role.SUPERVISOR, region: '宁晋县' },
      },
    ],
  });
  const d = await idp.discovery(idp.issuers.main);
  restore = overrideConfig({
    JWKS_URL: d.jwks_uri,
    JWT_ISSUER: d.issuer,
    JWT_AUDIENCE: API,
    WEB_OIDC_ISSUER: d.issuer,
    WEB_OIDC_CLIENT_ID: 'supervision-dashboard',
    WEB_OIDC_SCOPE: 'openid api',
  });
}, 240_000);
afterAll(async () => {
  restore?.();
  await browser?.close();
  await idp?.stop();
  await p?.stop();
});

test('the supervisor signs in at the provider and lands on the dashboard of the region its token names', async () => {
  const page = await openPage(browser, DESKTOP);
  await page.goto(`${baseUrl}/supervision`);
  const login = page.getByRole('button', { name: '统一身份认证登录' });
  await login.waitFor();
  expect(await accessibilityProblems(page)).toEqual([]);
  await login.click();

  // The provider's pages, on its own origin.
  await page.locator('input[name="login"]').fill('zhang-san');
  await page.locator('input[name="password"]').fill('any');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();

  await page.getByRole('heading', { level: 1, name: '宁晋县行政执法监督看板' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/supervision');
  await page.getByText('宁晋县 · 监督人员 zhang-san').waitFor();
  // The API accepted the provider's token: the summary answered (no agencies in this empty database).
  await page.getByText('该地区暂无执法主体。').waitFor();
  expect(await page.getByRole('alert').count()).toBe(0);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.getByText('您已退出登录。').waitFor();
  expect(await page.evaluate('Object.keys(sessionStorage)')).toEqual([]);
  await page.context().close();
});
