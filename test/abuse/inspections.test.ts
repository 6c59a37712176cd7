import { addCalendarDays, encodeCursor, INTERNAL_SECRET_HEADER, internalSecret, shanghaiDate } from '@tsp/shared';

import { sql } from '../kit/db';
import { newCreditCode, setupInspectionWorld } from '../kit/inspection-fixtures';
import { type GqlResult, type Platform, startPlatform } from '../kit/platform';
import { OPEN, penaltyCase, type RecordsWorld } from '../kit/records-fixtures';

/**
 * 涉企行政检查 as an attacker sees it: another agency's ids, readers who should not see comments, a joint partner
 * named without taking part, urgent starts outside their window, tampered cursors, oversized input, races, and
 * personnel or records down. Every refusal leaves no row and no event behind.
 */
let p: Platform;
let w: RecordsWorld;
let bHead: string, bOfficer2: string, integratorA: string;
let itemA: string, itemB: string;
const today = shanghaiDate();
const week = addCalendarDays(today, 7);
const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

const PLAN = `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id status targets { code } } }`;
const APPROVE = `mutation($id: ID!) { approveInspection(id: $id) { id status } }`;
const START = `mutation($id: ID!, $c: ID!) { startInspection(id: $id, recordsCaseId: $c) { id status } }`;
const FINISH = `mutation($id: ID!, $o: InspectionOutcome!, $n: String, $c: ID) {
  finishInspection(id: $id, outcome: $o, note: $n, caseId: $c) { id status } }`;
const RATE = `mutation($c: String!, $s: Int!, $m: String) { rateInspection(code: $c, score: $s, comment: $m) { score } }`;
const READ = `query($id: ID!) { inspection(id: $id) { id status targets { code comment score } } }`;

let serial = 0;

async function enterprise(): Promise<string> {
  return ok(
    await p.gql(
      `mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { id } }`,
      { i: { creditCode: newCreditCode(), name: `宁晋县示例企业${serial}`, region: '宁晋县' } },
      { token: w.tokens.a },
    ),
  ).registerEnterprise.id as string;
}

const plan = async (extra: Record<string, unknown> = {}, tok = w.tokens.a) =>
  p.gql(
    PLAN,
    {
      i: {
        kind: 'TARGETED',
        reason: '群众举报：张三 13800000000',
        enterpriseIds: [await enterprise()],
        itemIds: [itemA],
        officerIds: [w.o1, w.o2],
        validFrom: today,
        validUntil: week,
        ...extra,
      },
    },
    { token: tok },
  );

const inspectionCase = async (tok = w.tokens.a, handlerIds = [w.o1, w.o2]) =>
  ok(
    await p.gql(
      OPEN,
      { i: penaltyCase(w, `JC-ATK-${++serial}`, { category: 'INSPECTION', handlerIds }) },
      { token: tok },
    ),
  ).openCase.id as string;

/** What a refusal must not have written: inspection rows, their codes and scope, and events. */
const written = async () =>
  (
    await sql<{ n: string }>(
      p.databaseUrl,
      `select (select count(*) from inspection.inspection) || '/' || (select count(*) from inspection.inspection_target)
        || '/' || (select count(*) from inspection.inspection_scope) || '/' || (select count(*) from inspection.outbox)
        || '/' || (select count(*) from inspection.inspection where status <> 'PLANNED') as n`,
    )
  )[0].n;

/** An approved inspection of A, on a fresh enterprise, and its code. */
async function approved(extra: Record<string, unknown> = {}) {
  const planned = ok(await plan(extra)).planInspection;
  ok(await p.gql(APPROVE, { id: planned.id }, { token: w.tokens.aHead }));
  return { id: planned.id as string, code: planned.targets[0].code as string };
}

beforeAll(async () => {
  p = await startPlatform();
  ({ w, bHead, bOfficer2, itemA, itemB } = await setupInspectionWorld(p));
  integratorA = w.tokens.integrator;
  // Loose caps: each test meets only the rule it is about.
  ok(
    await p.gql(
      `mutation { setInspectionCaps(region: "宁晋县", caps: { perDay: 1000, perWeek: 1000, perMonth: 1000, routinePerAgencyYear: 1000 }) { perDay } }`,
      {},
      { token: w.tokens.supervisor },
    ),
  );
}, 180_000);
afterAll(async () => {
  await p?.stop();
});

describe('another agency’s ids', () => {
  test('B cannot approve, start, finish or cancel A’s inspection, nor plan with A’s items; nothing is written', async () => {
    const mine = await approved();
    const before = await written();
    const bCase = await inspectionCase(w.tokens.b, [w.b1, bOfficer2]);
    expect(code(await p.gql(APPROVE, { id: mine.id }, { token: bHead }))).toBe('FORBIDDEN');
    expect(code(await p.gql(START, { id: mine.id, c: bCase }, { token: w.tokens.b }))).toBe('FORBIDDEN');
    expect(
      code(
        await p.gql(
          `mutation($id: ID!) { cancelInspection(id: $id, reason: "x") { id } }`,
          { id: mine.id },
          {
            token: w.tokens.b,
          },
        ),
      ),
    ).toBe('FORBIDDEN');
    // A cannot start with B's INSPECTION case.
    const wrong = await p.gql(START, { id: mine.id, c: bCase }, { token: w.tokens.a });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordsCaseId' });
    // B plans with A's item or A's officers.
    expect(code(await plan({ itemIds: [itemA], officerIds: [w.b1, bOfficer2] }, w.tokens.b))).toBe(
      'ITEM_NOT_PUBLISHED',
    );
    expect(code(await plan({ itemIds: [itemB], officerIds: [w.o1, w.o2] }, w.tokens.b))).toBe('CREDENTIAL_INVALID');
    // B's head sets a plan with A's item, or A's plan.
    const SET = `mutation($a: ID!, $l: [PlanLineInput!]!) { setInspectionPlan(agencyId: $a, year: 2026, lines: $l) { year } }`;
    expect(code(await p.gql(SET, { a: w.agencyB, l: [{ itemId: itemA, planned: 1 }] }, { token: bHead }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await p.gql(SET, { a: w.agencyA, l: [{ itemId: itemA, planned: 1 }] }, { token: bHead }))).toBe(
      'FORBIDDEN',
    );
    // Registering enterprises for the refused plans is the only write; the inspections are as they were.
    expect((await written()).split('/').slice(0, 1)).toEqual(before.split('/').slice(0, 1));
    expect((await written()).split('/').slice(3)).toEqual(before.split('/').slice(3));
  });

  test('a joint partner named by the lead must take part: a team without its officer is refused', async () => {
    const before = await written();
    // A inspects B's item under B's name with A's officers only: B has nobody there.
    const r = await plan({ kind: 'JOINT', partnerAgencyIds: [w.agencyB], itemIds: [itemB] });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'officerIds' });
    expect(r.errors![0].message).toContain(w.agencyB);
    expect(await written()).toBe(before);
    // With one of B's officers it is a joint visit.
    expect(
      ok(await plan({ kind: 'JOINT', partnerAgencyIds: [w.agencyB], itemIds: [itemB], officerIds: [w.o1, w.b1] }))
        .planInspection.status,
    ).toBe('PLANNED');
  });

  test('_entities on the subgraph: no token, or another agency, resolves no Inspection and no Enterprise', async () => {
    const mine = await approved();
    const e = ok(
      await p.gql(
        `query($id: ID!) { inspection(id: $id) { targets { enterprise { id } } } }`,
        { id: mine.id },
        { token: w.tokens.a },
      ),
    ).inspection.targets[0].enterprise.id as string;
    const entities = (tok?: string) =>
      fetch(p.subgraphs.inspection.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [INTERNAL_SECRET_HEADER]: internalSecret(),
          ...(tok ? { authorization: `Bearer ${tok}` } : {}),
        },
        body: JSON.stringify({
          query: `query($r: [_Any!]!) { _entities(representations: $r) {
            ... on Inspection { reason targets { code comment } } ... on Enterprise { name creditCode } } }`,
          variables: {
            r: [
              { __typename: 'Inspection', id: mine.id },
              { __typename: 'Enterprise', id: e },
            ],
          },
        }),
      }).then((res) => res.json() as Promise<GqlResult>);
    expect((await entities()).data?._entities).toEqual([null, null]);
    const byB = await entities(w.tokens.b);
    expect(byB.data?._entities[0]).toBeNull();
    expect(JSON.stringify(byB)).not.toContain(mine.code);
    // Without the secret nothing answers at all.
    const res = await fetch(p.subgraphs.inspection.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${w.tokens.a}` },
      body: JSON.stringify({ query: `{ _service { sdl } }` }),
    });
    expect(res.status).toBe(403);
  });
});

describe('leaks', () => {
  test('the enterprise’s comment is read by the inspecting agencies and the bureau, not by an integrator', async () => {
    const { id, code: c } = await approved();
    ok(await p.gql(START, { id, c: await inspectionCase() }, { token: w.tokens.a }));
    ok(await p.gql(FINISH, { id, o: 'NO_PROBLEM' }, { token: w.tokens.a }));
    ok(await p.gql(RATE, { c, s: 1, m: '检查人员索要好处' }));
    const seen = async (tok: string) => ok(await p.gql(READ, { id }, { token: tok })).inspection.targets[0];
    expect((await seen(w.tokens.a)).comment).toBe('检查人员索要好处');
    expect((await seen(w.tokens.supervisor)).comment).toBe('检查人员索要好处');
    const byIntegrator = await seen(integratorA);
    expect(byIntegrator).toMatchObject({ score: 1, code: null, comment: null });
    const list = ok(
      await p.gql(
        `query { inspections(first: 100) { edges { node { targets { code comment } } } } }`,
        {},
        {
          token: integratorA,
        },
      ),
    );
    expect(JSON.stringify(list)).not.toContain('索要好处');
    expect(JSON.stringify(list)).not.toContain(c);
  });

  test('the public code page and the events carry no reason, comment, code or officer id', async () => {
    const { id, code: c } = await approved();
    const v = await p.gql(
      `query($c: String!) { verifyInspectionCode(code: $c) { state enterpriseName creditCode
        officers { name credentialNumber } items { id revisions { note } } } }`,
      { c },
    );
    expect(ok(v).verifyInspectionCode.state).toBe('VALID');
    const text = JSON.stringify(v);
    expect(text).not.toMatch(/13800000000|张三|群众举报/);
    expect(text).not.toContain(w.o1);
    const events = await sql<{ payload: unknown }>(
      p.databaseUrl,
      `select payload from inspection.outbox where subject_id = $1`,
      [id],
    );
    expect(events.length).toBeGreaterThan(0);
    expect(JSON.stringify(events)).not.toMatch(/13800000000|张三|群众举报/);
    expect(JSON.stringify(events)).not.toContain(c);
  });
});

describe('input abuse', () => {
  test('oversized lists, malformed ids, huge text, far dates and bad counts are refused cleanly; nothing written', async () => {
    const before = await written();
    const e = await enterprise();
    const fake = (n: number) =>
      Array.from({ length: n }, (_, k) => `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`);
    const refusals = [
      await plan({ enterpriseIds: fake(21) }),
      await plan({ enterpriseIds: [e], itemIds: fake(51) }),
      await plan({ enterpriseIds: [e], officerIds: fake(21) }),
      await plan({ enterpriseIds: [e], kind: 'JOINT', partnerAgencyIds: fake(11) }),
      await plan({ enterpriseIds: [e], reason: 'x'.repeat(501) }),
      await plan({ enterpriseIds: [e], validFrom: '9999-12-01', validUntil: '9999-12-31' }),
      await plan({ enterpriseIds: [e], validFrom: '2020-01-01', validUntil: '2020-01-31' }),
      await plan({ enterpriseIds: [e], validFrom: addCalendarDays(today, -40), validUntil: today }),
    ];
    for (const r of refusals) expect(['BAD_USER_INPUT', 'CREDENTIAL_INVALID']).toContain(code(r));
    expect(code(await plan({ enterpriseIds: ["x' or 1=1 --"] }))).toBe('NOT_FOUND');
    const SET = `mutation($y: Int!, $l: [PlanLineInput!]!) { setInspectionPlan(agencyId: "${w.agencyA}", year: $y, lines: $l) { year } }`;
    for (const v of [
      { y: 2026, l: [{ itemId: itemA, planned: -1 }] },
      { y: 2026, l: [{ itemId: itemA, planned: 100_001 }] },
      { y: 9999, l: [{ itemId: itemA, planned: 1 }] },
      {
        y: 2026,
        l: [
          { itemId: itemA, planned: 1 },
          { itemId: itemA, planned: 2 },
        ],
      },
    ])
      expect(code(await p.gql(SET, v, { token: w.tokens.aHead }))).toBe('BAD_USER_INPUT');
    const CAPS = `mutation($c: InspectionCapsInput!) { setInspectionCaps(region: "宁晋县", caps: $c) { perDay } }`;
    expect(
      code(
        await p.gql(
          CAPS,
          { c: { perDay: -1, perWeek: 1, perMonth: 1, routinePerAgencyYear: 1 } },
          {
            token: w.tokens.supervisor,
          },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      code(
        await p.gql(
          CAPS,
          { c: { perDay: 1, perWeek: 1, perMonth: 1, routinePerAgencyYear: 1 } },
          {
            token: w.tokens.otherSupervisor,
          },
        ),
      ),
    ).toBe('FORBIDDEN');
    // Scores out of range, codes that cannot be codes.
    expect(code(await p.gql(RATE, { c: 'A'.repeat(22), s: -5 }))).toBe('NOT_FOUND');
    expect(code(await p.gql(RATE, { c: "'; drop table inspection.inspection; --", s: 3 }))).toBe('NOT_FOUND');
    expect(code(await p.gql(RATE, { c: 'A'.repeat(10_000), s: 3 }))).toBe('NOT_FOUND');
    const s = before.split('/');
    const a = (await written()).split('/');
    expect([a[0], a[3], a[4]]).toEqual([s[0], s[3], s[4]]);
  });

  test('tampered cursors are BAD_USER_INPUT, never an internal error', async () => {
    const LIST = `query($a: String) { inspections(first: 5, after: $a) { edges { cursor } } }`;
    const EVENTS = `query($a: String) { inspectionEvents(first: 5, after: $a) { edges { cursor } } }`;
    const REVIEW = `query($a: String) { reviewEvents(first: 5, after: $a) { edges { cursor } } }`;
    const tampered = [
      encodeCursor(`2026-01-01Tnot-a-time|${'0'.repeat(36)}`),
      encodeCursor(`2026-13-45T00:00:00.000Z|00000000-0000-4000-8000-000000000000`),
      encodeCursor(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`),
      encodeCursor(`2026-01-01T00:00:00.000Z'); drop table x; --|00000000-0000-4000-8000-000000000000`),
      'not-a-cursor!',
    ];
    for (const a of tampered) expect(code(await p.gql(LIST, { a }, { token: w.tokens.a }))).toBe('BAD_USER_INPUT');
    for (const a of [encodeCursor('9'.repeat(30)), encodeCursor('9223372036854775808'), encodeCursor('-1'), 'x']) {
      expect(code(await p.gql(EVENTS, { a }, { token: integratorA }))).toBe('BAD_USER_INPUT');
      expect(code(await p.gql(REVIEW, { a }, { token: integratorA }))).toBe('BAD_USER_INPUT');
    }
    // The largest position the log can hold is still a cursor: an empty page that keeps it.
    const max = encodeCursor(String(Number.MAX_SAFE_INTEGER));
    expect(ok(await p.gql(EVENTS, { a: max }, { token: integratorA })).inspectionEvents.edges).toEqual([]);
  });
});

describe('state', () => {
  test('an urgent inspection starts on the spot, but not outside its window', async () => {
    const later = ok(
      await plan({ urgent: true, validFrom: addCalendarDays(today, 3), validUntil: addCalendarDays(today, 5) }),
    ).planInspection.id as string;
    const before = await written();
    const r = await p.gql(START, { id: later, c: await inspectionCase() }, { token: w.tokens.a });
    expect(code(r)).toBe('INSPECTION_STATE');
    expect(await written()).toBe(before);
    // Today, inside its window, it starts before approval.
    const now = ok(await plan({ urgent: true })).planInspection.id as string;
    expect(
      ok(await p.gql(START, { id: now, c: await inspectionCase() }, { token: w.tokens.a })).startInspection.status,
    ).toBe('IN_PROGRESS');
  });

  test('double start, double finish, double rating and cancel against approve: exactly one of each wins', async () => {
    const { id, code: c } = await approved();
    const [c1, c2] = [await inspectionCase(), await inspectionCase()];
    const starts = await Promise.all([c1, c2].map((cid) => p.gql(START, { id, c: cid }, { token: w.tokens.a })));
    expect(starts.map(code).sort()).toEqual(['INSPECTION_STATE', undefined].sort());
    const finishes = await Promise.all(
      ['NO_PROBLEM', 'NO_PROBLEM'].map((o) => p.gql(FINISH, { id, o }, { token: w.tokens.a })),
    );
    expect(finishes.map(code).sort()).toEqual(['INSPECTION_STATE', undefined].sort());
    const ratings = await Promise.all([5, 1].map((s) => p.gql(RATE, { c, s })));
    expect(ratings.map(code).sort()).toEqual(['INSPECTION_STATE', undefined].sort());
    const events = await sql<{ type: string }>(
      p.databaseUrl,
      `select type from inspection.outbox where subject_id = $1 order by position`,
      [id],
    );
    expect(events.map((e) => e.type)).toEqual([
      'InspectionPlanned',
      'InspectionApproved',
      'InspectionStarted',
      'InspectionFinished',
      'InspectionRated',
    ]);

    const planned = ok(await plan()).planInspection.id as string;
    const [approve, cancel] = await Promise.all([
      p.gql(APPROVE, { id: planned }, { token: w.tokens.aHead }),
      p.gql(
        `mutation($id: ID!) { cancelInspection(id: $id, reason: "改期") { id } }`,
        { id: planned },
        {
          token: w.tokens.a,
        },
      ),
    ]);
    const [row] = await sql<{ status: string; approved_at: Date | null }>(
      p.databaseUrl,
      `select status, approved_at from inspection.inspection where id = $1`,
      [planned],
    );
    if (code(cancel) === undefined) {
      expect(row.status).toBe('CANCELLED');
      // Approved first and then cancelled, or cancelled first and the approval refused.
      if (code(approve)) expect(row.approved_at).toBeNull();
    } else {
      expect(code(cancel)).toBe('INSPECTION_STATE');
      expect(row.status).toBe('APPROVED');
    }
  });
});

describe('a dependency down', () => {
  test('personnel down: plan and approve are DEPENDENCY_UNAVAILABLE and write nothing', async () => {
    const planned = ok(await plan()).planInspection.id as string;
    const e = await enterprise();
    const before = await written();
    await p.stopSubgraph('personnel');
    try {
      expect(code(await plan({ enterpriseIds: [e] }))).toBe('DEPENDENCY_UNAVAILABLE');
      expect(code(await p.gql(APPROVE, { id: planned }, { token: w.tokens.aHead }))).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      await p.restartSubgraph('personnel');
    }
    expect(await written()).toBe(before);
  });

  test('records down: start and finish with a case are DEPENDENCY_UNAVAILABLE and write nothing', async () => {
    const { id } = await approved();
    const c = await inspectionCase();
    const penalty = ok(await p.gql(OPEN, { i: penaltyCase(w, `CF-ATK-${++serial}`) }, { token: w.tokens.a })).openCase
      .id as string;
    const other = await approved();
    ok(await p.gql(START, { id: other.id, c: await inspectionCase() }, { token: w.tokens.a }));
    const before = await written();
    await p.stopSubgraph('records');
    try {
      expect(code(await p.gql(START, { id, c }, { token: w.tokens.a }))).toBe('DEPENDENCY_UNAVAILABLE');
      expect(
        code(await p.gql(FINISH, { id: other.id, o: 'CASE_OPENED', n: '立案', c: penalty }, { token: w.tokens.a })),
      ).toBe('DEPENDENCY_UNAVAILABLE');
    } finally {
      await p.restartSubgraph('records');
    }
    expect(await written()).toBe(before);
  });
});

describe('caps', () => {
  test('a week across New Year counts the December visit against the January one', async () => {
    // The first New Year ahead whose 31 December is not a Sunday (so 1 January is in the same week).
    let y = Number(today.slice(0, 4));
    while (new Date(`${y}-12-31T00:00:00Z`).getUTCDay() === 0) y++;
    const CAPS = `mutation($c: InspectionCapsInput!) { setInspectionCaps(region: "宁晋县", caps: $c) { perDay } }`;
    const loose = { perDay: 1000, perWeek: 1000, perMonth: 1000, routinePerAgencyYear: 1000 };
    ok(await p.gql(CAPS, { c: { ...loose, perWeek: 1 } }, { token: w.tokens.supervisor }));
    try {
      const e = await enterprise();
      const december = ok(await plan({ enterpriseIds: [e], validFrom: `${y}-12-31`, validUntil: `${y}-12-31` }))
        .planInspection.id;
      const january = ok(await plan({ enterpriseIds: [e], validFrom: `${y + 1}-01-01`, validUntil: `${y + 1}-01-01` }))
        .planInspection.id;
      ok(await p.gql(APPROVE, { id: december }, { token: w.tokens.aHead }));
      const refused = await p.gql(APPROVE, { id: january }, { token: w.tokens.aHead });
      expect(code(refused)).toBe('INSPECTION_CAP_EXCEEDED');
      expect(refused.errors![0].extensions!.breaches).toEqual([
        expect.objectContaining({ cap: 'PER_WEEK', earlierInspectionIds: [december] }),
      ]);
    } finally {
      ok(await p.gql(CAPS, { c: loose }, { token: w.tokens.supervisor }));
    }
  });
});
