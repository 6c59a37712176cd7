import http from 'node:http';

import { type RunningGateway, startGateway } from '@tsp/gateway';
import { personnel } from '@tsp/personnel';
import { seedPersonnel } from '@tsp/scripts/seed/personnel';
import { INTERNAL_SECRET_HEADER, internalSecret, Role, type RunningSubgraph, startSubgraph } from '@tsp/shared';

import { type GqlResult, type Platform, startPlatform, token } from '../kit/platform';

/**
 * Before this guard, an anonymous 2.4 KB query grew its answer about 6x per level and
 * crashed the gateway (out of memory); officer and supervisor queries did the same in personnel.
 * Now the gateway estimates the cost first, and every subgraph and the gateway stop a request whose
 * real size passes a hard cap.
 */
let p: Platform;
let agencyId: string;
let officerToken: string;
let supervisorToken: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const { agencies } = await seedPersonnel((q, v) => p.gql(q, v as Record<string, unknown>, { token: admin }));
  agencyId = agencies.planning.id;
  for (let i = 0; i < 6; i++) {
    const r = await p.gql(
      `mutation($i: ReviewCatalogRuleInput!) { setReviewCatalogRule(input: $i) { id } }`,
      {
        i: {
          agencyId,
          category: 'PENALTY',
          description: `拟作出第${i}类重大处罚的`,
          legalBasis: '《重大执法决定法制审核办法》第五条',
        },
      },
      { token: admin },
    );
    expect(r.errors).toBeUndefined();
  }
  officerToken = await token({ role: Role.OFFICER, sub: 'o-1', agencyId });
  supervisorToken = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

/** The gateway and every subgraph still answer: nothing died. */
async function allAlive() {
  expect((await fetch(p.gatewayUrl.replace(/\/graphql$/, '/health'))).status).toBe(200);
  for (const sg of Object.values(p.subgraphs))
    expect((await fetch(sg.url.replace(/\/graphql$/, '/health'))).status).toBe(200);
}

function catalogBomb(levels: number) {
  let inner = 'id name';
  for (let l = 0; l < levels; l++) inner = [0, 1].map((j) => `r${j}: reviewCatalog { agency { ${inner} } }`).join(' ');
  return `query($a: ID!) { agency(id: $a) { ${inner} } }`;
}

test('the anonymous reviewCatalog cycle is refused before it runs, with the measured cost and the limit', async () => {
  const query = catalogBomb(5);
  expect(query.length).toBeLessThan(2_500);
  const r = await p.gql(query, { a: agencyId });
  expect(r.status).toBe(400);
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
  const { measured, limit } = r.errors![0].extensions as { measured: number; limit: number };
  expect(measured).toBeGreaterThan(limit);
  expect(r.errors![0].message).toContain(`exceeds the limit of ${limit}`);
  await allAlive();
});

test('the same query one level deep is within the anonymous budget and answers', async () => {
  const r = await p.gql(catalogBomb(1), { a: agencyId });
  expect(r.errors).toBeUndefined();
  expect(r.data.agency.r0).toHaveLength(6);
});

test('an officer nesting agency → officers four levels deep is refused', async () => {
  let sel = 'id name';
  for (let i = 0; i < 4; i++) sel = `officers { agency { ${sel} } }`;
  const r = await p.gql(`query($a: ID!) { agency(id: $a) { ${sel} } }`, { a: agencyId }, { token: officerToken });
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
  await allAlive();
});

test('a supervisor at depth 12 across the region is refused', async () => {
  let sel = 'id';
  for (let i = 0; i < 5; i++) sel = `officers { agency { ${sel} } }`;
  const r = await p.gql(`{ agencies(region: "宁晋县") { ${sel} } }`, {}, { token: supervisorToken });
  expect(code(r)).toBe('QUERY_TOO_COSTLY');
  await allAlive();
});

test('anonymous callers get a smaller budget than signed-in ones', async () => {
  // agencies × officers × credentials: about 3.4 × 10^5 values estimated.
  const q = `{ agencies(region: "宁晋县") { officers { id name position credentials { number status } } } }`;
  const anon = await p.gql(q);
  expect(code(anon)).toBe('QUERY_TOO_COSTLY');
  expect(anon.errors![0].message).toMatch(/without a token/);
  const signedIn = await p.gql(q, {}, { token: supervisorToken });
  expect(signedIn.errors).toBeUndefined();
});

describe('hard caps behind the estimate', () => {
  let capped: RunningSubgraph;
  beforeAll(async () => {
    capped = await startSubgraph(personnel, { databaseUrl: p.databaseUrl, maxResolvedValues: 50 });
  });
  afterAll(async () => {
    await capped?.stop();
  });

  test('a subgraph stops a request past its resolved-value cap and answers one QUERY_TOO_COSTLY', async () => {
    const res = await fetch(capped.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [INTERNAL_SECRET_HEADER]: internalSecret(),
        authorization: `Bearer ${supervisorToken}`,
      },
      body: JSON.stringify({ query: `{ agencies(region: "宁晋县") { id name officers { id name position } } }` }),
    });
    const body = (await res.json()) as GqlResult;
    expect(body.data ?? null).toBeNull();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COSTLY', limit: 50 });
    // Under the cap the same subgraph answers.
    const small = await fetch(capped.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: internalSecret() },
      body: JSON.stringify({ query: `{ agencies(region: "宁晋县") { id } }` }),
    });
    expect(((await small.json()) as GqlResult).errors).toBeUndefined();
  });

  test('the cap counts every operation of a gateway batch together', async () => {
    const post = (body: unknown) =>
      fetch(capped.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_SECRET_HEADER]: internalSecret() },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<GqlResult | GqlResult[]>);
    const one = { query: `{ agencies(region: "宁晋县") { id name } }` };
    const alone = (await post(one)) as GqlResult;
    expect(alone.errors).toBeUndefined();
    const values = 1 + 2 * alone.data.agencies.length; // the list field, then id and name of each
    expect(values).toBeLessThanOrEqual(50);
    const batch = (await post(Array(Math.ceil(51 / values)).fill(one))) as GqlResult[];
    expect(batch.at(-1)!.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  describe('the gateway stops reading a subgraph answer past its byte cap', () => {
    let huge: http.Server;
    let gateway: RunningGateway;
    beforeAll(async () => {
      // A subgraph gone wrong: whatever it is asked, it answers 20 MB.
      const filler = 'x'.repeat(1024);
      huge = http.createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.setHeader('content-type', 'application/json');
          res.write('{"data":{"agencies":[');
          for (let i = 0; i < 20 * 1024; i++) res.write(`${i ? ',' : ''}{"id":"${i}","name":"${filler}"}`);
          res.end(']}}');
        });
      });
      await new Promise<void>((resolve) => huge.listen(0, '127.0.0.1', resolve));
      const urls = Object.fromEntries(Object.entries(p.subgraphs).map(([n, s]) => [n, s.url]));
      urls.personnel = `http://127.0.0.1:${(huge.address() as { port: number }).port}/graphql`;
      gateway = await startGateway({ urls }); // the checked-in supergraph
    }, 60_000);
    afterAll(async () => {
      await gateway?.stop();
      huge?.closeAllConnections();
      await new Promise((resolve) => huge?.close(resolve));
    });

    test('QUERY_TOO_COSTLY naming the subgraph, and the gateway answers the next request', async () => {
      const r = await p.gql(`{ agencies { id name } }`, {}, { url: gateway.url });
      expect(code(r)).toBe('QUERY_TOO_COSTLY');
      expect(r.errors![0].message).toMatch(/bytes of one personnel answer/);
      expect(JSON.stringify(r)).not.toMatch(/127\.0\.0\.1/);
      expect((await fetch(`http://127.0.0.1:${gateway.port}/health`)).status).toBe(200);
    });
  });
});
