import { randomUUID } from 'node:crypto';

import { INTERNAL_SECRET_HEADER, internalSecret, outboxSql, Role, shanghaiDate } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';

/** DecisionRecorded → draft → check and publish (masked) → correct → withdraw, through the gateway. */
let p: Platform;
let planning: string, culture: string, elsewhere: string;
let officer: string, head: string, supervisor: string, otherSupervisor: string, cultureOfficer: string;
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

const HOSTILE_FACTS =
  '张三丰（身份证号：13052819900101123X，老证号130528900101123，手机 138-1234-5678，固话(0319)5551234，' +
  '住址：河北省邢台市宁晋县凤凰镇东马庄村3组，银行卡6222 0212 3456 7890 123，车牌冀E·12345，新能源车冀ED12345，' +
  '房产证号：冀(2019)宁晋县不动产权第0001234号）未取得建设工程规划许可证，在宁晋县大陆村5组建设二层住宅。证人李四（13912345678）证实。委托代理人：王小明。';
const SECRETS = [
  '三丰',
  '13052819900101123X',
  '130528900101123',
  '1234-5678',
  '5551234',
  '凤凰镇',
  '东马庄',
  '6222',
  '冀E',
  '0001234',
  '大陆村',
  '李四',
  '王小明',
  '13912345678',
];

async function createAgency(code: string, name: string, region: string) {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const r = await p.gql(
    `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
    { i: { code, name, kind: 'PLANNING', region, legalOfficeName: '法制股' } },
    { token: admin },
  );
  return ok(r).createAgency.id as string;
}

async function ensureRecordsOutbox() {
  const [{ t }] = await sql<{ t: string | null }>(p.databaseUrl, `select to_regclass('records.outbox')::text as t`);
  if (!t) {
    await sql(p.databaseUrl, 'create schema if not exists records');
    for (const s of outboxSql('records')) await sql(p.databaseUrl, s);
  }
}

/** Puts a DecisionRecorded into records' outbox exactly as records would, and wakes consumers. */
async function recordDecision(o: {
  agencyId: string;
  region?: string;
  caseId?: string;
  decidedOn?: string;
  facts?: string;
  isMinor?: boolean;
  name?: string;
  eventId?: string;
  category?: string;
}) {
  const caseId = o.caseId ?? randomUUID();
  const eventId = o.eventId ?? randomUUID();
  const payload = {
    caseId,
    caseNumber: `宁规罚〔2026〕${Math.floor(Math.random() * 900 + 100)}号`,
    agencyId: o.agencyId,
    category: o.category ?? 'PENALTY',
    cause: '未取得建设工程规划许可证进行建设',
    party: { type: 'NATURAL_PERSON', name: o.name ?? '张三丰', isMinor: o.isMinor ?? false },
    outcome: '罚款',
    penaltyKinds: ['FINE'],
    fineAmount: '20000.00',
    confiscationAmount: null,
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    facts: o.facts ?? '当事人未取得许可擅自建设',
    conclusion: `对${o.name ?? '张三丰'}处罚款20000元，限期拆除`,
    decidedOn: o.decidedOn ?? '2026-09-29',
    reviewId: null,
  };
  await sql(
    p.databaseUrl,
    `insert into records.outbox (id, type, agency_id, region, subject_id, occurred_at, payload) values ($1, 'DecisionRecorded', $2, $3, $4, now(), $5::jsonb)`,
    [eventId, o.agencyId, o.region ?? '宁晋县', caseId, JSON.stringify(payload)],
  );
  await sql(p.databaseUrl, `select pg_notify('tsp_events', 'records')`);
  return { caseId, eventId };
}

async function waitFor<T>(fn: () => Promise<T | null | undefined>, what: string, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const draftOf = (caseId: string) =>
  waitFor(async () => {
    const rows = await sql<{ id: string }>(p.databaseUrl, `select id from disclosure.publication where case_id = $1`, [
      caseId,
    ]);
    return rows[0]?.id;
  }, `draft of case ${caseId}`);

const PUB = `id status caseNumber partyName summary conclusion legalBasis decidedOn dueOn publishedAt withdrawnAt withdrawalReason version
  revisions { version action reason summary partyName }`;

beforeAll(async () => {
  p = await startPlatform();
  await ensureRecordsOutbox();
  planning = await createAgency('D01', '宁晋县城乡规划局', '宁晋县');
  culture = await createAgency('D02', '宁晋县文化和旅游局', '宁晋县');
  elsewhere = await createAgency('D03', '柏乡县城乡规划局', '柏乡县');
  officer = await token({ role: Role.OFFICER, sub: 'officer-1', agencyId: planning });
  head = await token({ role: Role.AGENCY_HEAD, sub: 'head-1', agencyId: planning });
  cultureOfficer = await token({ role: Role.OFFICER, sub: 'officer-2', agencyId: culture });
  supervisor = await token({ role: Role.SUPERVISOR, sub: 'sup-1', region: '宁晋县' });
  otherSupervisor = await token({ role: Role.SUPERVISOR, sub: 'sup-2', region: '柏乡县' });
  void elsewhere;
});
afterAll(async () => {
  await p?.stop();
});

describe('a recorded penalty decision', () => {
  let caseId: string, eventId: string, id: string;

  beforeAll(async () => {
    ({ caseId, eventId } = await recordDecision({ agencyId: planning, facts: HOSTILE_FACTS }));
    id = await draftOf(caseId);
  });

  test('becomes a DRAFT at once, due 2026-10-14 across the National Day holiday (not public)', async () => {
    const mine = ok(
      await p.gql(`query($id: ID!) { publication(id: $id) { ${PUB} } }`, { id }, { token: officer }),
    ).publication;
    expect(mine).toMatchObject({
      status: 'DRAFT',
      decidedOn: '2026-09-29',
      dueOn: '2026-10-14',
      partyName: '张**',
      publishedAt: null,
    });
    const pub = await p.gql(`query($id: ID!) { publication(id: $id) { id } }`, { id });
    expect(code(pub)).toBe('NOT_FOUND');
    const list = ok(await p.gql(`{ publications { edges { node { id } } } }`)).publications;
    expect(list.edges.map((e: any) => e.node.id)).not.toContain(id);
  });

  test('the draft stored already masked: no unmasked public copy exists in the database', async () => {
    const [row] = await sql<Record<string, string>>(
      p.databaseUrl,
      `select case_number, party_name, summary, conclusion, legal_basis from disclosure.publication where id = $1`,
      [id],
    );
    for (const s of SECRETS) expect(JSON.stringify(row)).not.toContain(s);
  });

  test('delivered again (cursor reset) it still yields one draft', async () => {
    await sql(
      p.databaseUrl,
      `update disclosure.consumer_cursor set position = 0 where consumer = 'disclosure.decisions'`,
    );
    await sql(p.databaseUrl, `select pg_notify('tsp_events', 'records')`);
    const [{ max }] = await sql<{ max: string }>(
      p.databaseUrl,
      `select max(position)::text as max from records.outbox`,
    );
    await waitFor(async () => {
      const [c] = await sql<{ position: string }>(
        p.databaseUrl,
        `select position::text from disclosure.consumer_cursor where consumer = 'disclosure.decisions'`,
      );
      return c.position === max;
    }, 'the consumer to re-read the feed');
    const rows = await sql(p.databaseUrl, `select id from disclosure.publication where case_id = $1`, [caseId]);
    expect(rows).toHaveLength(1);
    const inbox = await sql(p.databaseUrl, `select * from disclosure.inbox where event_id = $1`, [eventId]);
    expect(inbox).toHaveLength(1);
  });

  test('an overdue draft is a finding for the supervisor of the region, not for the public or another region', async () => {
    const q = `query($id: ID!) { agency(id: $id) { disclosureFindings { kind subjectId detail } } }`;
    const sup = ok(await p.gql(q, { id: planning }, { token: supervisor })).agency.disclosureFindings;
    expect(sup).toContainEqual(expect.objectContaining({ kind: 'PUBLICATION_OVERDUE', subjectId: id }));
    // The public is refused rather than told "nothing wrong".
    expect((await p.gql(q, { id: planning })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(ok(await p.gql(q, { id: planning }, { token: otherSupervisor })).agency.disclosureFindings).toEqual([]);
    expect(ok(await p.gql(q, { id: planning }, { token: cultureOfficer })).agency.disclosureFindings).toEqual([]);
  });

  test('another agency and the supervisor cannot publish it', async () => {
    const m = `mutation($id: ID!) { publishDecision(id: $id) { id } }`;
    expect(code(await p.gql(m, { id }, { token: cultureOfficer }))).toBe('FORBIDDEN');
    expect(code(await p.gql(m, { id }, { token: supervisor }))).toBe('FORBIDDEN');
    expect(code(await p.gql(m, { id }))).toBe('UNAUTHENTICATED');
  });

  test('published after the check, it is public with the party masked and no identifying number anywhere', async () => {
    const r = ok(
      await p.gql(
        `mutation($id: ID!) { publishDecision(id: $id, checkNote: "经审核同意公示") { id status } }`,
        { id },
        { token: head },
      ),
    ).publishDecision;
    expect(r.status).toBe('PUBLISHED');
    const res = await p.gql(`{ publications(first: 50) { edges { cursor node { ${PUB} agency { id name } } } } }`);
    const node = ok(res).publications.edges.find((e: any) => e.node.id === id).node;
    expect(node.partyName).toBe('张**');
    expect(node.agency.name).toBe('宁晋县城乡规划局');
    const json = JSON.stringify(res);
    for (const s of SECRETS) expect(json).not.toContain(s);
    const withoutIds = json
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '')
      .replace(/"cursor":"[^"]+"/g, '');
    expect(withoutIds.replace(/[\s\-.·]/g, '').match(/\d{9,}/g)).toBeNull();
    expect(node.summary).toContain('宁晋县');
    expect(node.summary).toContain('张**');
  });

  test('a correction creates a visible revision with its reason; officer free text is masked too', async () => {
    const bad = await p.gql(
      `mutation($id: ID!) { correctPublication(id: $id, input: { conclusion: "x" }, reason: "") { id } }`,
      { id },
      { token: officer },
    );
    expect(code(bad)).toBe('BAD_USER_INPUT');
    const r = ok(
      await p.gql(
        `mutation($id: ID!, $c: String!) { correctPublication(id: $id, input: { conclusion: $c }, reason: "罚款金额笔误，更正") { version conclusion revisions { version action reason conclusion } } }`,
        { id, c: '对张三丰罚款20000元（联系电话13700001111），限期拆除' },
        { token: officer },
      ),
    ).correctPublication;
    expect(r.conclusion).toBe('对张**罚款20000元（联系电话***），限期拆除');
    const pub = ok(
      await p.gql(`query($id: ID!) { publication(id: $id) { revisions { action reason conclusion } } }`, { id }),
    ).publication;
    expect(pub.revisions.map((x: any) => x.action)).toEqual(['PUBLISHED', 'CORRECTED']);
    expect(pub.revisions[1].reason).toBe('罚款金额笔误，更正');
    expect(pub.revisions[0].conclusion).toBe('对张**处罚款20000元，限期拆除');
  });

  test('withdrawal needs a reason, takes it off the public list at once and keeps it for the agency with its history', async () => {
    const noReason = await p.gql(
      `mutation($id: ID!) { withdrawPublication(id: $id, reason: " ") { id } }`,
      { id },
      { token: officer },
    );
    expect(code(noReason)).toBe('BAD_USER_INPUT');
    expect(
      code(
        await p.gql(
          `mutation($id: ID!) { withdrawPublication(id: $id, reason: "决定被撤销") { id } }`,
          { id },
          { token: cultureOfficer },
        ),
      ),
    ).toBe('FORBIDDEN');
    const w = ok(
      await p.gql(
        `mutation($id: ID!) { withdrawPublication(id: $id, reason: "行政复议决定撤销原处罚决定", trigger: DECISION_REVOKED, happenedOn: "2026-11-20") { status withdrawnAt withdrawalReason withdrawalDueOn } }`,
        { id },
        { token: officer },
      ),
    ).withdrawPublication;
    expect(w).toMatchObject({
      status: 'WITHDRAWN',
      withdrawalReason: '行政复议决定撤销原处罚决定',
      withdrawalDueOn: '2026-11-25',
    });
    const pub = ok(await p.gql(`{ publications(first: 200) { edges { node { id } } } }`)).publications.edges.map(
      (e: any) => e.node.id,
    );
    expect(pub).not.toContain(id);
    expect(code(await p.gql(`query($id: ID!) { publication(id: $id) { id } }`, { id }))).toBe('NOT_FOUND');
    const mine = ok(
      await p.gql(
        `query($id: ID!) { publication(id: $id) { status revisions { action } } }`,
        { id },
        { token: officer },
      ),
    ).publication;
    expect(mine.status).toBe('WITHDRAWN');
    expect(mine.revisions.map((x: any) => x.action)).toEqual(['DRAFTED', 'PUBLISHED', 'CORRECTED', 'WITHDRAWN']);
    const withdrawnList = ok(
      await p.gql(
        `{ publications(filter: { status: WITHDRAWN }) { edges { node { id } } } }`,
        {},
        { token: supervisor },
      ),
    ).publications;
    expect(withdrawnList.edges.map((e: any) => e.node.id)).toContain(id);
    const otherList = ok(
      await p.gql(
        `{ publications(filter: { status: WITHDRAWN }) { edges { node { id } } } }`,
        {},
        { token: cultureOfficer },
      ),
    ).publications;
    expect(otherList.edges).toEqual([]);
  });

  test('WITHDRAWN_STILL_VISIBLE is computed from the data: none now; a row forced back onto the list behind the service is reported', async () => {
    const q = `query($id: ID!) { agency(id: $id) { disclosureFindings { kind subjectId } } }`;
    const before = ok(await p.gql(q, { id: planning }, { token: supervisor })).agency.disclosureFindings;
    expect(before.filter((f: any) => f.kind === 'WITHDRAWN_STILL_VISIBLE')).toEqual([]);
    await sql(p.databaseUrl, `update disclosure.publication set status = 'PUBLISHED' where id = $1`, [id]);
    const after = ok(await p.gql(q, { id: planning }, { token: supervisor })).agency.disclosureFindings;
    expect(after).toContainEqual({ kind: 'WITHDRAWN_STILL_VISIBLE', subjectId: id });
    await sql(p.databaseUrl, `update disclosure.publication set status = 'WITHDRAWN' where id = $1`, [id]);
  });

  test('EnforcementCase.publication answers the agency and its supervisor only', async () => {
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on EnforcementCase { publication { id status } } } }`;
    const call = async (tok?: string) => {
      const res = await fetch(p.subgraphs.disclosure.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_SECRET_HEADER]: internalSecret(),
          ...(tok ? { authorization: `Bearer ${tok}` } : {}),
        },
        body: JSON.stringify({ query: q, variables: { r: [{ __typename: 'EnforcementCase', id: caseId }] } }),
      });
      return ((await res.json()) as any).data._entities[0].publication;
    };
    expect(await call(officer)).toEqual({ id, status: 'WITHDRAWN' });
    expect(await call(supervisor)).toEqual({ id, status: 'WITHDRAWN' });
    expect(await call(cultureOfficer)).toBeNull();
    expect(await call(otherSupervisor)).toBeNull();
    expect(await call()).toBeNull();
  });
});

test('a decision with a minor party is never publishable, and says why', async () => {
  const { caseId } = await recordDecision({ agencyId: planning, isMinor: true, name: '刘小宝' });
  const id = await draftOf(caseId);
  const d = ok(
    await p.gql(
      `query($id: ID!) { publication(id: $id) { publishable notPublishableReason partyName summary } }`,
      { id },
      { token: officer },
    ),
  ).publication;
  expect(d.publishable).toBe(false);
  expect(d.notPublishableReason).toMatch(/未成年人/);
  expect(JSON.stringify(d)).not.toContain('小宝');
  expect(code(await p.gql(`mutation($id: ID!) { publishDecision(id: $id) { id } }`, { id }, { token: head }))).toBe(
    'CONFLICT',
  );
  const [row] = await sql<{ party_name_private: string | null }>(
    p.databaseUrl,
    `select party_name_private from disclosure.publication where id = $1`,
    [id],
  );
  expect(row.party_name_private).toBeNull();
});

// Decided today, so publishing now is on time whatever day the suite runs.
const today = shanghaiDate();
const year = Number(today.slice(0, 4));

describe('the public list', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    for (let i = 0; i < 7; i++) {
      const { caseId } = await recordDecision({
        agencyId: culture,
        name: `赵${'一二三四五六七'[i]}`,
        decidedOn: today,
        category: i % 2 ? 'LICENSING' : 'PENALTY',
      });
      const id = await draftOf(caseId);
      ok(await p.gql(`mutation($id: ID!) { publishDecision(id: $id) { id } }`, { id }, { token: cultureOfficer }));
      ids.push(id);
    }
  });

  test('pages with cursors through every published item once, newest first', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard++) {
      const r: any = ok(
        await p.gql(
          `query($a: String) { publications(first: 3, after: $a, filter: { agencyId: "${culture}" }) { edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
          { a: after },
        ),
      ).publications;
      seen.push(...r.edges.map((e: any) => e.node.id));
      if (!r.pageInfo.hasNextPage) break;
      after = r.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[6]);
    expect(code(await p.gql(`{ publications(after: "bm9wZQ") { edges { cursor } } }`))).toBe('BAD_USER_INPUT');
  });

  test('filters by category, date range and text of the masked copy', async () => {
    const q = `query($f: PublicationFilter) { publications(first: 50, filter: $f) { edges { node { id category } } } }`;
    const lic = ok(await p.gql(q, { f: { agencyId: culture, category: 'LICENSING' } })).publications.edges;
    expect(lic).toHaveLength(3);
    expect(ok(await p.gql(q, { f: { agencyId: culture, decidedTo: '2026-09-28' } })).publications.edges).toHaveLength(
      0,
    );
    expect(
      ok(await p.gql(q, { f: { agencyId: culture, decidedFrom: today, decidedTo: today } })).publications.edges,
    ).toHaveLength(7);
    expect(ok(await p.gql(q, { f: { text: '赵**' } })).publications.edges.length).toBeGreaterThanOrEqual(7);
    expect(ok(await p.gql(q, { f: { text: '赵一' } })).publications.edges).toHaveLength(0);
  });

  test('SQL statements do not grow with the page size (first: 3 vs first: 30)', async () => {
    const q = (n: number) =>
      `{ publications(first: ${n}) { edges { node { id status partyName agency { id name } revisions { version action } } } } }`;
    await p.gql(q(3));
    // Background consumers poll in this process too: the fewest statements over a few runs is the request's own count.
    const fewest = async (n: number) => {
      let min = Infinity;
      for (let i = 0; i < 4; i++) {
        const r = await p.countSql(() => p.gql(q(n)));
        expect(ok(r.result).publications.edges.length).toBe(Math.min(n, 7));
        min = Math.min(min, r.statements);
      }
      return min;
    };
    const small = await fewest(3);
    expect(await fewest(30)).toBe(small);
    expect(small).toBeGreaterThan(0);
  });
});

test('the annual report counts what disclosure received; publishing freezes it once, only for a finished year', async () => {
  const r = ok(
    await p.gql(
      `query($a: ID!, $y: Int!) { annualReport(agencyId: $a, year: $y) { decisions byCategory { category count } finesTotal publishedOnTime publishedLate unpublished withheld published dueOn } }`,
      { a: culture, y: year },
    ),
  ).annualReport;
  expect(r).toMatchObject({
    decisions: 7,
    finesTotal: '140000.00',
    publishedOnTime: 7,
    publishedLate: 0,
    unpublished: 0,
    published: false,
    dueOn: `${year + 1}-01-31`,
  });
  expect(r.byCategory).toEqual([
    { category: 'LICENSING', count: 3 },
    { category: 'PENALTY', count: 4 },
  ]);

  // Review outcomes arrive through review's outbox feed (written here as review would; ReviewSubmitted is not an outcome).
  for (const type of ['ReviewSubmitted', 'ReviewPassed', 'ReviewPassed', 'ReviewReturned', 'ReviewFailed']) {
    await sql(
      p.databaseUrl,
      `insert into review.outbox (id, type, agency_id, region, subject_id, occurred_at, payload) values ($1, $2, $3, '宁晋县', $4, now(), $5::jsonb)`,
      [
        randomUUID(),
        type,
        culture,
        randomUUID(),
        JSON.stringify({
          reviewId: randomUUID(),
          caseId: randomUUID(),
          caseNumber: 'X',
          category: 'PENALTY',
          status: 'PASSED',
          reviewerId: null,
          opinion: null,
          dueOn: today,
        }),
      ],
    );
  }
  await sql(p.databaseUrl, `select pg_notify('tsp_events', 'review')`);
  const reviews = await waitFor(async () => {
    const x = ok(
      await p.gql(
        `query($a: ID!, $y: Int!) { annualReport(agencyId: $a, year: $y) { reviewsPassed reviewsReturned reviewsFailed } }`,
        { a: culture, y: year },
      ),
    ).annualReport;
    return x.reviewsPassed + x.reviewsReturned + x.reviewsFailed === 4 ? x : null;
  }, 'review outcomes');
  expect(reviews).toEqual({ reviewsPassed: 2, reviewsReturned: 1, reviewsFailed: 1 });
  const publish = `mutation($a: ID!, $y: Int!) { publishAnnualReport(agencyId: $a, year: $y) { year published decisions } }`;
  expect(code(await p.gql(publish, { a: culture, y: year }, { token: cultureOfficer }))).toBe('BAD_USER_INPUT');
  expect(code(await p.gql(publish, { a: culture, y: year - 1 }, { token: officer }))).toBe('FORBIDDEN');
  const findings = `query($id: ID!) { agency(id: $id) { disclosureFindings { kind } } }`;
  const kinds = async () =>
    ok(await p.gql(findings, { id: culture }, { token: supervisor })).agency.disclosureFindings.map((f: any) => f.kind);
  if (today > `${year}-01-31`) expect(await kinds()).toContain('ANNUAL_REPORT_MISSING');
  const frozen = ok(await p.gql(publish, { a: culture, y: year - 1 }, { token: cultureOfficer })).publishAnnualReport;
  expect(frozen).toEqual({ year: year - 1, published: true, decisions: 0 });
  expect(code(await p.gql(publish, { a: culture, y: year - 1 }, { token: cultureOfficer }))).toBe('CONFLICT');
  expect(await kinds()).not.toContain('ANNUAL_REPORT_MISSING');
});
