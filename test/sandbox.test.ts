import { encodeCursor } from '@tsp/shared';

import { launchBrowser } from './kit/browser';
import { type Platform, startPlatform } from './kit/platform';
import { openPenaltyCase, proposal, type ReviewWorld, setupReviewWorld, SUBMIT } from './kit/review-fixtures';
import { until } from './kit/until';

/**
 * The schema sandbox (GraphiQL at /sandbox, served from node_modules, no CDN) shows the Subscription
 * type and runs subscriptions over graphql-ws, with the token from its headers editor.
 */
let p: Platform;
let w: ReviewWorld;
const origin = () => p.gatewayUrl.replace(/\/graphql$/, '');

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

test('the page derives the graphql-ws URL from its own address, and every asset it names loads', async () => {
  const res = await fetch(`${origin()}/sandbox`);
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain(`(location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/graphql'`);
  expect(html).toContain(`GraphiQL.createFetcher({ url: '/graphql', subscriptionUrl })`);
  expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing from another host
  const assets = [...html.matchAll(/(?:src|href)="(\/sandbox\/assets\/[^"]+)"/g)].map((m) => m[1]);
  expect(assets).toHaveLength(4);
  for (const a of assets) {
    const r = await fetch(origin() + a);
    expect({ a, status: r.status }).toEqual({ a, status: 200 });
    expect((await r.arrayBuffer()).byteLength).toBeGreaterThan(1_000);
  }
  expect((await fetch(`${origin()}/sandbox/assets/graphql-ws.js`)).status).toBe(404); // only what the page names
});

test('in a browser, GraphiQL shows Subscription and runs reviewEvents over graphql-ws', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const sockets: string[] = [];
    page.on('websocket', (ws) => void sockets.push(ws.url()));
    await page.goto(`${origin()}/sandbox`);

    // The schema as GraphiQL loaded it: the documentation explorer lists the subscription root.
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const root = page.locator('.graphiql-doc-explorer-root-type', { hasText: /^subscription$/ });
    await root.waitFor();
    expect(await root.locator('..').innerText()).toBe('subscription: Subscription');

    // CodeMirror 5 editors: their values are set as a user would type them.
    type Editor = { CodeMirror: { setValue(v: string): void } };
    const setEditor = (selector: string, value: string) =>
      page.locator(selector).evaluate((el, v) => (el as unknown as Editor).CodeMirror.setValue(v), value);
    // From the start of the log: the case submitted below arrives, however soon the socket opens.
    const after = encodeCursor('0');
    await setEditor(
      '.graphiql-query-editor .CodeMirror',
      `subscription { reviewEvents(after: "${after}") { type caseNumber } }`,
    );
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditor(
      '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror',
      JSON.stringify({ Authorization: `Bearer ${w.tokens.integratorA}` }),
    );
    await page.locator('.graphiql-execute-button').click();

    const caseNumber = '宁市监罚〔2026〕沙1号';
    const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], caseNumber);
    const submitted = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 });
    expect(submitted.errors).toBeUndefined();

    const response = () => page.locator('.graphiql-response').innerText();
    await until(
      'the event in the response pane',
      async () => ((await response()).includes(caseNumber) ? true : undefined),
      30_000,
    ).catch(async (e) => {
      throw new Error(`${(e as Error).message}; the pane shows: ${await response()}`);
    });
    expect(await response()).toContain('ReviewSubmitted');
    const ws = new URL(p.gatewayUrl.replace(/^http/, 'ws'));
    expect(sockets).toContain(`ws://${ws.host}/graphql`);
  } finally {
    await browser.close();
  }
});
