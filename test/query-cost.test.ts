import { type RunningGateway, startGateway } from '@tsp/gateway';
import { type BenchData, seedBench } from '@tsp/scripts/bench/seed';
import { services } from '@tsp/scripts/services';
import {
  overrideConfig,
  Role,
  type RunningSubgraph,
  sqlStats,
  startSubgraph,
  SUBGRAPHS,
  subgraphUrlVar,
} from '@tsp/shared';

import { createMigratedDatabase } from './kit/db';
import { token } from './kit/platform';

/**
 * Query cost growth (not timed): the SQL statements of the supervisor's all-findings query and
 * of the case list must not grow with the number of items. Data is bulk-seeded (the bench's seeder)
 * straight into each subgraph's tables: regions of 10, 30, 100 and 1,000 agencies (four cases each,
 * one overdue), and one agency with 1,000 cases.
 *
 * The subgraphs run WITHOUT their background workers (event consumers, audits): those share this
 * process's statement counter and would blur an exact count. Reads never depend on them.
 */
const subgraphs: RunningSubgraph[] = [];
let gateway: RunningGateway;
const regions: Record<number, BenchData> = {};
let caseAgency: BenchData;

const FINDINGS = `query($region: String!) { agencies(region: $region) { name personnelFindings { kind } recordFindings { kind } reviewFindings { kind } disclosureFindings { kind } } }`;
const CASES = `query($n: Int!) { cases(first: $n) { edges { node { agency { name } handlers { name } reviews { status } publication { status } } } } }`;

beforeAll(async () => {
  const databaseUrl = await createMigratedDatabase();
  for (const n of [10, 30, 100, 1000])
    regions[n] = await seedBench(
      databaseUrl,
      { agencies: n, casesPerAgency: 4, officersPerAgency: 3 },
      () => undefined,
      `成本县${n}`,
    );
  caseAgency = await seedBench(
    databaseUrl,
    { agencies: 1, casesPerAgency: 1000, officersPerAgency: 4 },
    () => undefined,
    '成本县案件',
  );
  for (const name of SUBGRAPHS)
    subgraphs.push(await startSubgraph({ ...services[name], workers: undefined }, { databaseUrl }));
  // Subgraphs ask personnel where an officer belongs (the stale-token check) at these URLs.
  overrideConfig(Object.fromEntries(subgraphs.map((s) => [subgraphUrlVar(s.name), s.url])));
  // That check costs one lookup per officer per subgraph per cache window (4 statements for the case list's
  // officer: personnel reads its table, the other three ask it). The warm-up request pays it; a window longer
  // than this file keeps it from expiring between measured requests and blurring an exact count.
  overrideConfig({ OFFICER_AGENCY_CACHE_MS: String(30 * 60_000) });
  gateway = await startGateway({ urls: Object.fromEntries(subgraphs.map((s) => [s.name, s.url])) });
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  for (const s of subgraphs) await s.stop();
});

async function statements(
  query: string,
  variables: Record<string, unknown>,
  bearer: string,
  check: (data: any) => void,
): Promise<number> {
  const before = sqlStats.statements;
  const r = await fetch(gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await r.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  check(body.data);
  return sqlStats.statements - before;
}

async function findingsStatements(n: number): Promise<number> {
  const supervisor = await token({ role: Role.SUPERVISOR, sub: `cost-supervisor-${n}`, region: regions[n].region });
  return statements(FINDINGS, { region: regions[n].region }, supervisor, (d) => {
    expect(d.agencies).toHaveLength(n);
    // Every agency has an overdue case: the findings are really computed, not skipped.
    expect(d.agencies.every((a: any) => a.recordFindings.some((f: any) => f.kind === 'CASE_OVERDUE'))).toBe(true);
  });
}

async function caseListStatements(n: number): Promise<number> {
  const a = caseAgency.agencies[0];
  const officer = await token({ role: Role.OFFICER, sub: a.officers[0], agencyId: a.id });
  return statements(CASES, { n }, officer, (d) => {
    expect(d.cases.edges).toHaveLength(n);
    // Decided cases carry a review and a publication: the nested lists are really loaded.
    expect(d.cases.edges.some((e: any) => e.node.reviews.length > 0 && e.node.publication)).toBe(true);
  });
}

test('the case list with agency, handlers, reviews and publication costs the same for 10, 100 and 200 (the page limit) of 1,000 cases', async () => {
  await caseListStatements(10); // the first request pays one-time costs (metadata, caches)
  const counts = {
    10: await caseListStatements(10),
    100: await caseListStatements(100),
    200: await caseListStatements(200),
  };
  expect(counts).toEqual({ 10: counts[10], 100: counts[10], 200: counts[10] });
}, 120_000);

test('the all-findings query costs the same for 10 and 30 agencies (every loader under 1,000 keys)', async () => {
  await findingsStatements(10); // the first request pays one-time costs (metadata, caches)
  const counts = { 10: await findingsStatements(10), 30: await findingsStatements(30) };
  expect(counts).toEqual({ 10: counts[10], 30: counts[10] });
}, 120_000);

// KNOWN GROWTH: shared/src/server/loaders.ts creates every DataLoader with maxBatchSize 1000, so a load of
// more than 1,000 keys (100 agencies × 4 cases already have > 1,000 entries whose attachments are loaded;
// 1,000 agencies have 3,000 officers) is split into one statement per 1,000 keys. With the cap lifted
// this test passes (tried locally); the file is the lead's. Once lifted, this fails: make it a plain test.
test('the all-findings query costs the same for 10, 100 and 1,000 agencies', async () => {
  await findingsStatements(10);
  const counts = {
    10: await findingsStatements(10),
    100: await findingsStatements(100),
    1000: await findingsStatements(1000),
  };
  expect(counts).toEqual({ 10: counts[10], 100: counts[10], 1000: counts[10] });
}, 300_000);
