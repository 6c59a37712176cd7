import { randomUUID } from 'node:crypto';

import { type RunningGateway, startGateway } from '@tsp/gateway';
import { type BenchData, seedBench } from '@tsp/scripts/bench/seed';
import { loadServices } from '@tsp/scripts/services';
import {
  overrideConfig,
  Role,
  type RunningSubgraph,
  sqlStats,
  startSubgraph,
  SUBGRAPHS,
  subgraphUrlVar,
} from '@tsp/shared';

import { createMigratedDatabase, sql } from './kit/db';
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

const FINDINGS = `query($region: String!) { agencies(region: $region) { name personnelFindings { kind } recordFindings { kind } reviewFindings { kind } disclosureFindings { kind } inspectionFindings { kind } } }`;
const INSPECTIONS = `query($n: Int!) { inspections(first: $n) { edges { node { agency { name } partnerAgencies { name }
  officers { name agency { name } } items { name } targets { enterprise { name } code score } recordsCase { id } } } } }`;
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
  await seedInspections(databaseUrl, caseAgency.agencies[0], 200);
  const services = await loadServices();
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

/** Inspections written straight into inspection's tables: each of one agency's, two enterprises, two items. */
async function seedInspections(databaseUrl: string, a: BenchData['agencies'][number], n: number) {
  const ids = (k: number) => Array.from({ length: k }, () => randomUUID());
  const enterprises = ids(n + 1);
  const items = ids(3);
  await sql(
    databaseUrl,
    `insert into inspection.enterprise (id, credit_code, name, region, registered_by)
     select e, '9113052800000' || lpad(i::text, 5, '0'), '成本企业' || i, '成本县案件', 'cost'
       from unnest($1::uuid[]) with ordinality as t(e, i)`,
    [enterprises],
  );
  await sql(
    databaseUrl,
    `insert into inspection.inspection_item (id, agency_id, name, legal_basis, enforcement_item, version)
     select x, $2, '成本事项' || i, '依据', '执法事项', 1 from unnest($1::uuid[]) with ordinality as t(x, i)`,
    [items, a.id],
  );
  const inspections = ids(n);
  const team = JSON.stringify(
    a.officers.slice(0, 2).map((o, k) => ({ officerId: o, name: `人员${k}`, agencyId: a.id })),
  );
  await sql(
    databaseUrl,
    `insert into inspection.inspection (id, agency_id, region, kind, reason, officer_ids, team, valid_from, valid_until,
       status, planned_by, planned_at, approved_by, approved_at, started_at, started_on, records_case_id)
     select x, $2, '成本县案件', 'ROUTINE', '成本', $3::uuid[], $4::jsonb, current_date, current_date, 'IN_PROGRESS',
            'cost', now() - i * interval '1 minute', 'cost', now(), now(), current_date, gen_random_uuid()
       from unnest($1::uuid[]) with ordinality as t(x, i)`,
    [inspections, a.id, a.officers.slice(0, 2), team],
  );
  await sql(
    databaseUrl,
    `insert into inspection.inspection_target (inspection_id, enterprise_id, code, score, rated_at)
     select x, e, md5(x::text || e::text), 4, now()
       from unnest($1::uuid[], $2::uuid[]) as t(x, e)
     union all select x, $3, md5(x::text), null, null from unnest($1::uuid[]) as t(x)`,
    [inspections, enterprises.slice(0, n), enterprises[n]],
  );
  await sql(
    databaseUrl,
    `insert into inspection.inspection_scope (inspection_id, item_id, item_version)
     select x, it, 1 from unnest($1::uuid[]) as t(x), unnest($2::uuid[]) as u(it)`,
    [inspections, items.slice(0, 2)],
  );
}

async function inspectionListStatements(n: number): Promise<number> {
  const a = caseAgency.agencies[0];
  const officer = await token({ role: Role.OFFICER, sub: a.officers[0], agencyId: a.id });
  return statements(INSPECTIONS, { n }, officer, (d) => {
    expect(d.inspections.edges).toHaveLength(n);
    // Nested lists are really loaded: two enterprises (with codes, for the agency's staff) and two items each.
    expect(d.inspections.edges.every((e: any) => e.node.targets.length === 2 && e.node.items.length === 2)).toBe(true);
    expect(d.inspections.edges[0].node.targets[0].code).toMatch(/^[0-9a-f]{32}$/);
  });
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

test('the inspection list with agencies, officers, items and enterprises costs the same for 10, 100 and 200', async () => {
  await inspectionListStatements(10);
  const counts = {
    10: await inspectionListStatements(10),
    100: await inspectionListStatements(100),
    200: await inspectionListStatements(200),
  };
  expect(counts).toEqual({ 10: counts[10], 100: counts[10], 200: counts[10] });
}, 120_000);

test('the all-findings query costs the same for 10 and 30 agencies (every loader under 1,000 keys)', async () => {
  await findingsStatements(10); // the first request pays one-time costs (metadata, caches)
  const counts = { 10: await findingsStatements(10), 30: await findingsStatements(30) };
  expect(counts).toEqual({ 10: counts[10], 30: counts[10] });
}, 120_000);

// More than 1,000 keys a load (1,000 agencies have 3,000 officers): DataLoaders do not split batches.
test('the all-findings query costs the same for 10, 100 and 1,000 agencies', async () => {
  await findingsStatements(10);
  const counts = {
    10: await findingsStatements(10),
    100: await findingsStatements(100),
    1000: await findingsStatements(1000),
  };
  expect(counts).toEqual({ 10: counts[10], 100: counts[10], 1000: counts[10] });
}, 300_000);
