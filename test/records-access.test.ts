import { runJournalAudit } from '@tsp/records';
import { INTERNAL_SECRET_HEADER, internalSecret, SERVICE_TOKEN_HEADER, signServiceToken } from '@tsp/shared';

import { sql } from './kit/db';
import { type Platform, startPlatform } from './kit/platform';
import {
  APPEND,
  audio,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  setupWorld,
  snapshot,
  video,
} from './kit/records-fixtures';

let p: Platform;
let w: RecordsWorld;
let caseId: string;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
  const r = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕11号') }, { token: w.tokens.a });
  expect(r.errors).toBeUndefined();
  caseId = r.data.openCase.id;
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const CASE = `query($id: ID!) { case(id: $id) { caseNumber party { name idNumber contact { phone address } } } }`;
const LIST = `{ cases(first: 50) { edges { node { id caseNumber party { idNumber } } } } }`;

test("another agency's officer cannot read the case or its party's ID number, by case, cases, or a federated reference", async () => {
  const one = await p.gql(CASE, { id: caseId }, { token: w.tokens.b });
  expect(code(one)).toBe('FORBIDDEN');
  expect(one.data?.case ?? null).toBeNull();
  const list = await p.gql(LIST, {}, { token: w.tokens.b });
  expect(list.errors).toBeUndefined();
  expect(list.data.cases.edges).toEqual([]);
  const filtered = await p.gql(
    `query($a: ID!) { cases(filter: { agencyId: $a }) { edges { node { id } } } }`,
    { a: w.agencyA },
    { token: w.tokens.b },
  );
  expect(filtered.data.cases.edges).toEqual([]);
  // What the gateway sends when another subgraph returns this case as a reference.
  const ref = await p.gql(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on EnforcementCase { caseNumber party { idNumber } } } }`,
    { r: [{ __typename: 'EnforcementCase', id: caseId }] },
    { url: p.subgraphs.records.url, token: w.tokens.b, headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } },
  );
  expect(code(ref)).toBe('FORBIDDEN');
  expect(ref.data?._entities?.[0] ?? null).toBeNull();
  // The public sees nothing at all.
  expect(code(await p.gql(CASE, { id: caseId }))).toBe('UNAUTHENTICATED');
  expect(code(await p.gql(LIST))).toBe('UNAUTHENTICATED');
});

test("the owning agency and the supervisor of the region read the party's private details; admin and integrator read the case without them", async () => {
  const full = {
    caseNumber: '宁规罚〔2026〕11号',
    party: {
      name: '王某某',
      idNumber: '130528198001011234',
      contact: { phone: '13800000000', address: '宁晋县凤凰镇某村' },
    },
  };
  for (const t of [w.tokens.a, w.tokens.supervisor])
    expect((await p.gql(CASE, { id: caseId }, { token: t })).data.case).toEqual(full);
  for (const t of [w.tokens.admin, w.tokens.integrator])
    expect((await p.gql(CASE, { id: caseId }, { token: t })).data.case).toEqual({
      ...full,
      party: { name: '王某某', idNumber: null, contact: null },
    });
  expect(code(await p.gql(CASE, { id: caseId }, { token: w.tokens.otherSupervisor }))).toBe('FORBIDDEN');
  const sup = await p.gql(LIST, {}, { token: w.tokens.supervisor });
  expect(sup.data.cases.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(caseId);
  expect((await p.gql(LIST, {}, { token: w.tokens.otherSupervisor })).data.cases.edges).toEqual([]);
});

test('the supervisor reads but cannot write; another agency cannot write either; nothing is stored', async () => {
  const entry = {
    caseId,
    stage: 'INVESTIGATION',
    activity: 'DOCUMENT',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1],
    summary: '询问笔录',
    attachments: [doc('调查笔录')],
  };
  const before = await snapshot(p, caseId);
  for (const t of [w.tokens.supervisor, w.tokens.b, w.tokens.integrator, w.tokens.admin]) {
    expect(code(await p.gql(APPEND, { i: entry }, { token: t }))).toBe('FORBIDDEN');
    expect(
      code(
        await p.gql(
          `mutation($c: ID!) { extendDecisionDeadline(caseId: $c, newDueOn: "2099-01-01", reason: "案情复杂") { id } }`,
          { c: caseId },
          { token: t },
        ),
      ),
    ).toBe('FORBIDDEN');
  }
  expect(code(await p.gql(OPEN, { i: penaltyCase(w, 'S-1') }, { token: w.tokens.supervisor }))).toBe('FORBIDDEN');
  expect(
    code(
      await p.gql(
        `mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: []) }`,
        { a: w.agencyA },
        { token: w.tokens.supervisor },
      ),
    ),
  ).toBe('FORBIDDEN');
  expect(await snapshot(p, caseId)).toEqual(before);
});

test('the agency head extends the decision deadline with a recorded reason; an officer may not', async () => {
  const q = `mutation($c: ID!, $d: Date!) { extendDecisionDeadline(caseId: $c, newDueOn: $d, reason: "需进行建筑面积司法鉴定") { decisionDueOn decisionDeadlineExtensions { fromDueOn toDueOn reason approvedBy } } }`;
  const before = (
    await p.gql(`query($id: ID!) { case(id: $id) { decisionDueOn } }`, { id: caseId }, { token: w.tokens.a })
  ).data.case.decisionDueOn;
  expect(code(await p.gql(q, { c: caseId, d: '2099-01-01' }, { token: w.tokens.a }))).toBe('FORBIDDEN');
  expect(code(await p.gql(q, { c: caseId, d: '2000-01-01' }, { token: w.tokens.aHead }))).toBe('BAD_USER_INPUT');
  const r = await p.gql(q, { c: caseId, d: '2099-01-01' }, { token: w.tokens.aHead });
  expect(r.data.extendDecisionDeadline).toEqual({
    decisionDueOn: '2099-01-01',
    decisionDeadlineExtensions: [
      { fromDueOn: before, toDueOn: '2099-01-01', reason: '需进行建筑面积司法鉴定', approvedBy: 'head-a' },
    ],
  });
});

test("an agency's own audio-visual list and case-file standard apply to its writes", async () => {
  const set = await p.gql(
    `mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: [ON_SITE_INSPECTION, SERVICE]) }`,
    { a: w.agencyB },
    { token: w.tokens.aHead },
  );
  expect(code(set)).toBe('FORBIDDEN');
  const ok = await p.gql(
    `mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: [ON_SITE_INSPECTION, DOCUMENT]) }`,
    { a: w.agencyA },
    { token: w.tokens.aHead },
  );
  expect(ok.data.setAudioVisualList).toEqual(['ON_SITE_INSPECTION', 'DOCUMENT']);
  const entry = {
    caseId,
    stage: 'INVESTIGATION',
    activity: 'DOCUMENT',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1],
    summary: '询问笔录',
    attachments: [doc('调查笔录')],
  };
  expect(code(await p.gql(APPEND, { i: entry }, { token: w.tokens.a }))).toBe('AUDIO_VISUAL_REQUIRED');
  expect(
    (await p.gql(APPEND, { i: { ...entry, attachments: [doc('调查笔录'), audio()] } }, { token: w.tokens.a })).errors,
  ).toBeUndefined();
  // Restore the defaults for the other tests.
  await p.gql(
    `mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: [ON_SITE_INSPECTION, RANDOM_INSPECTION, EVIDENCE_COLLECTION, EVIDENCE_PRESERVATION, HEARING, COERCIVE_MEASURE, SERVICE_BY_POSTING, SERVICE_BY_RETENTION]) }`,
    { a: w.agencyA },
    { token: w.tokens.aHead },
  );
  const req = await p.gql(
    `mutation($a: ID!) { setCaseFileRequirements(agencyId: $a, category: INSPECTION, documents: ["现场检查笔录", "责令改正通知书"]) }`,
    { a: w.agencyA },
    { token: w.tokens.aHead },
  );
  expect(req.data.setCaseFileRequirements).toEqual(['现场检查笔录', '责令改正通知书']);
  const pub = await p.gql(
    `query($a: ID!) { agency(id: $a) { audioVisualList caseFileRequirements { category documents isDefault } } }`,
    { a: w.agencyA },
  );
  expect(pub.data.agency.caseFileRequirements).toContainEqual({
    category: 'INSPECTION',
    documents: ['现场检查笔录', '责令改正通知书'],
    isDefault: false,
  });
  expect(pub.data.agency.caseFileRequirements).toContainEqual({
    category: 'PENALTY',
    documents: ['立案审批表', '调查笔录', '处罚决定书', '送达回证'],
    isDefault: true,
  });
});

test('legacy imports bypass the rules but are marked, and findings show what the rules would have refused', async () => {
  const filedAt = new Date(Date.now() - 200 * 86400_000).toISOString();
  const at = (days: number) => new Date(Date.now() - days * 86400_000).toISOString();
  const input = {
    agencyId: w.agencyA,
    caseNumber: '宁规罚〔2025〕88号',
    category: 'PENALTY',
    cause: '未按规划许可内容建设',
    party: { type: 'ORGANIZATION', name: '宁晋县某置业有限公司', idNumber: '91130528MA0000001X' },
    handlerIds: [w.o1, w.o3],
    filedAt,
    entries: [
      {
        stage: 'FILING',
        activity: 'FILING',
        occurredAt: filedAt,
        officerIds: [w.o1, w.o3],
        summary: '立案',
        attachments: [doc('立案审批表')],
      },
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        occurredAt: at(190),
        officerIds: [w.o1, w.o3],
        summary: '现场检查（仅拍照）',
        attachments: [photo()],
      },
    ],
  };
  expect(
    code(
      await p.gql(
        `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id } }`,
        { i: input },
        { token: w.tokens.a },
      ),
    ),
  ).toBe('FORBIDDEN');
  const r = await p.gql(
    `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id legacy stage overdue entries { sequence legacy hash } } }`,
    { i: input },
    { token: w.tokens.admin },
  );
  expect(r.errors).toBeUndefined();
  const legacy = r.data.importLegacyCase;
  expect(legacy).toMatchObject({ legacy: true, stage: 'INVESTIGATION', overdue: true });
  expect(legacy.entries.map((e: { legacy: boolean }) => e.legacy)).toEqual([true, true]);

  const F = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId category detail } } }`;
  const mine = (await p.gql(F, { a: w.agencyA }, { token: w.tokens.a })).data.agency.recordFindings as {
    kind: string;
    subjectId: string;
    detail: string;
  }[];
  const ids = (
    await sql<{ id: string }>(p.databaseUrl, `select id from records.record_entry where case_id = $1`, [legacy.id])
  ).map((e) => e.id);
  // Both imported entries were acted by 李强 with an expired credential; the inspection had only a photo.
  expect(
    mine
      .filter((f) => f.subjectId === legacy.id || ids.includes(f.subjectId))
      .map((f) => f.kind)
      .sort(),
  ).toEqual([
    'ACTION_WITHOUT_VALID_CREDENTIAL',
    'ACTION_WITHOUT_VALID_CREDENTIAL',
    'AUDIO_VISUAL_MISSING',
    'CASE_OVERDUE',
  ]);
  expect(mine.find((f) => f.kind === 'ACTION_WITHOUT_VALID_CREDENTIAL')!.detail).toMatch(/李强/);
  expect((await p.gql(F, { a: w.agencyA }, { token: w.tokens.supervisor })).data.agency.recordFindings).toHaveLength(
    mine.length,
  );
  expect((await p.gql(F, { a: w.agencyA }, { token: w.tokens.b })).data.agency.recordFindings).toEqual([]);
  expect((await p.gql(F, { a: w.agencyA })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');

  // The agency's own audio-visual list decides: off the list, a photo-only inspection is no finding.
  const avOf = async () =>
    (
      (await p.gql(F, { a: w.agencyA }, { token: w.tokens.a })).data.agency.recordFindings as {
        kind: string;
        subjectId: string;
      }[]
    ).filter((f) => f.kind === 'AUDIO_VISUAL_MISSING' && ids.includes(f.subjectId));
  const setList = (activities: string) =>
    p.gql(
      `mutation($a: ID!) { setAudioVisualList(agencyId: $a, activities: [${activities}]) }`,
      { a: w.agencyA },
      { token: w.tokens.aHead },
    );
  await setList('HEARING');
  expect(await avOf()).toEqual([]);
  await setList(
    'ON_SITE_INSPECTION, RANDOM_INSPECTION, EVIDENCE_COLLECTION, EVIDENCE_PRESERVATION, HEARING, COERCIVE_MEASURE, SERVICE_BY_POSTING, SERVICE_BY_RETENTION',
  );
  expect(await avOf()).toHaveLength(1);

  const overdue = await p.gql(
    `{ cases(filter: { overdue: true }) { edges { node { id } } } }`,
    {},
    { token: w.tokens.supervisor },
  );
  expect(overdue.data.cases.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([legacy.id]);
});

test('SQL statements for cases with agency, handlers, entries and officers do not grow with the page size', async () => {
  for (let i = 0; i < 30; i++) {
    const r = await p.gql(
      OPEN,
      { i: penaltyCase(w, `宁规罚〔2026〕${100 + i}号`, { attachments: [doc('立案审批表')] }) },
      { token: w.tokens.a },
    );
    expect(r.errors).toBeUndefined();
    if (i % 3 === 0)
      await p.gql(
        APPEND,
        {
          i: {
            caseId: r.data.openCase.id,
            stage: 'INVESTIGATION',
            activity: 'ON_SITE_INSPECTION',
            occurredAt: new Date().toISOString(),
            officerIds: [w.o1, w.o2],
            summary: '现场检查',
            attachments: [video(), photo()],
          },
        },
        { token: w.tokens.a },
      );
  }
  const q = `query($n: Int!) { cases(first: $n) { edges { node { agency { name } handlers { name } entries { officers { name } attachments { kind } corrects { id } } } } } }`;
  const measure = async (n: number) => {
    let least = Infinity;
    // Background consumers also run SQL in this process: the least of several runs is the request's own cost.
    for (let k = 0; k < 5; k++) {
      const { result, statements } = await p.countSql(() => p.gql(q, { n }, { token: w.tokens.a }));
      expect(result.errors).toBeUndefined();
      expect(result.data.cases.edges).toHaveLength(n);
      least = Math.min(least, statements);
    }
    expect(least).toBeGreaterThan(0); // the counter works
    return least;
  };
  const [three, thirty] = [await measure(3), await measure(30)];
  expect(thirty).toBe(three);

  // Cursor pages neither overlap nor skip.
  const page = async (after: string | null) =>
    (
      await p.gql(
        `query($a: String) { cases(first: 7, after: $a) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
        { a: after },
        { token: w.tokens.a },
      )
    ).data.cases;
  const seen: string[] = [];
  for (let cur: string | null = null, more = true; more;) {
    const pg: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } =
      await page(cur);
    seen.push(...pg.edges.map((e) => e.node.id));
    more = pg.pageInfo.hasNextPage;
    cur = pg.pageInfo.endCursor;
  }
  const [{ n }] = await sql<{ n: string }>(
    p.databaseUrl,
    `select count(*) as n from records.enforcement_case where agency_id = $1`,
    [w.agencyA],
  );
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen).toHaveLength(Number(n));
});

test("an entry altered behind the service's back shows in case.journal, verifyCaseJournal and recordFindings", async () => {
  const J = `query($id: ID!) { case(id: $id) { journal { length intact rootHash } } verifyCaseJournal(caseId: $id) { intact length problems } }`;
  const before = await p.gql(J, { id: caseId }, { token: w.tokens.supervisor });
  expect(before.errors).toBeUndefined();
  expect(before.data.case.journal).toMatchObject({ intact: true, rootHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  expect(before.data.verifyCaseJournal.problems).toEqual([]);
  const length = before.data.case.journal.length;
  expect(length).toBeGreaterThanOrEqual(2);
  expect(code(await p.gql(J, { id: caseId }, { token: w.tokens.b }))).toBe('FORBIDDEN');

  // As the database owner: switch the append-only trigger off, rewrite history, switch it back on.
  await sql(
    p.databaseUrl,
    `alter table records.record_entry disable trigger record_entry_refuse_change;
    update records.record_entry set summary = '立案（已篡改）' where case_id = '${caseId}' and sequence = 1;
    alter table records.record_entry enable trigger record_entry_refuse_change`,
  );
  const after = await p.gql(J, { id: caseId }, { token: w.tokens.supervisor });
  expect(after.data.case.journal).toMatchObject({ intact: false, length });
  expect(after.data.verifyCaseJournal.problems.join(' ')).toMatch(/altered/);
  // Findings report what the periodic self-audit found (they must not re-hash the journal per request).
  await runJournalAudit(p.subgraphs.records.orm.em.fork());
  const f = await p.gql(
    `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId } } }`,
    { a: w.agencyA },
    { token: w.tokens.supervisor },
  );
  expect(f.data.agency.recordFindings).toContainEqual({ kind: 'JOURNAL_NOT_INTACT', subjectId: caseId });
  expect(f.data.agency.recordFindings.filter((x: { kind: string }) => x.kind === 'JOURNAL_NOT_INTACT')).toHaveLength(1);
});

test('caseFacts answers internal services only', async () => {
  const q = `query($ids: [ID!]!) { caseFacts(ids: $ids) { id agencyId region caseNumber category partyType partyName handlerIds stage amountInvolved hearingHeld decided } }`;
  const direct = { url: p.subgraphs.records.url, headers: { [INTERNAL_SECRET_HEADER]: internalSecret() } };
  expect(code(await p.gql(q, { ids: [caseId] }, { ...direct, token: w.tokens.a }))).toBe('FORBIDDEN');
  const svc = await signServiceToken('review');
  const r = await p.gql(
    q,
    { ids: [caseId, 'not-a-uuid'] },
    { ...direct, headers: { ...direct.headers, [SERVICE_TOKEN_HEADER]: svc } },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.caseFacts).toEqual([
    {
      id: caseId,
      agencyId: w.agencyA,
      region: '宁晋县',
      caseNumber: '宁规罚〔2026〕11号',
      category: 'PENALTY',
      partyType: 'NATURAL_PERSON',
      partyName: '王某某',
      handlerIds: [w.o1, w.o2],
      stage: (await p.gql(`query($id: ID!) { case(id: $id) { stage } }`, { id: caseId }, { token: w.tokens.a })).data
        .case.stage,
      amountInvolved: '80000.00',
      hearingHeld: false,
      decided: false,
    },
  ]);
  // Not reachable through the gateway at all.
  const viaGateway = await p.gql(q, { ids: [caseId] }, { token: w.tokens.admin });
  expect(viaGateway.data).toBeUndefined();
  expect(viaGateway.errors?.[0].message).toMatch(/Cannot query field "caseFacts"/);
});

test('a write repeated with the same Idempotency-Key has the effect of one', async () => {
  const headers = { 'idempotency-key': 'device-42-upload-7' };
  const entry = {
    caseId,
    stage: 'INVESTIGATION',
    activity: 'ON_SITE_INSPECTION',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1, w.o2],
    summary: '复查现场',
    attachments: [video()],
  };
  const before = await snapshot(p, caseId);
  const first = await p.gql(APPEND, { i: entry }, { token: w.tokens.a, headers });
  const again = await p.gql(APPEND, { i: entry }, { token: w.tokens.a, headers });
  expect(first.errors).toBeUndefined();
  expect(again.data.appendRecord).toEqual(first.data.appendRecord);
  const after = await snapshot(p, caseId);
  expect(after.entries - before.entries).toBe(1);
  expect(after.outbox - before.outbox).toBe(1);
  // The same key for another operation is a conflict, and writes nothing.
  expect(code(await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕77号') }, { token: w.tokens.a, headers }))).toBe(
    'CONFLICT',
  );
  expect((await snapshot(p, caseId)).cases).toBe(after.cases);
  // Keys are per caller: another officer's identical key is a different request. (One input, sent
  // twice: penaltyCase() draws a new attachment hash per call, and other arguments are CONFLICT.)
  const opened = penaltyCase(w, '宁规罚〔2026〕77号');
  const other = await p.gql(OPEN, { i: opened }, { token: w.tokens.aHead, headers });
  expect(other.errors).toBeUndefined();
  const twice = await p.gql(OPEN, { i: opened }, { token: w.tokens.aHead, headers });
  expect(twice.data.openCase.id).toBe(other.data.openCase.id);
});

test('an Idempotency-Key reused with other arguments is CONFLICT and writes nothing; the same arguments, however sent, replay', async () => {
  const headers = { 'idempotency-key': 'device-42-upload-8' };
  const at = new Date();
  const film = video();
  const entry = {
    caseId,
    stage: 'INVESTIGATION',
    activity: 'ON_SITE_INSPECTION',
    occurredAt: at.toISOString(),
    officerIds: [w.o1, w.o2],
    summary: '询问当事人',
    attachments: [film],
  };
  const first = await p.gql(APPEND, { i: entry }, { token: w.tokens.a, headers });
  expect(first.errors).toBeUndefined();
  const after = await snapshot(p, caseId);

  const other = await p.gql(APPEND, { i: { ...entry, summary: '询问证人' } }, { token: w.tokens.a, headers });
  expect(code(other)).toBe('CONFLICT');
  expect(other.errors?.[0].message).toMatch(/different arguments.*不同的参数/);
  expect(other.errors?.[0].extensions?.field).toBe('Idempotency-Key');
  expect(await snapshot(p, caseId)).toEqual(after);

  // The same arguments with the input's fields in another order, then inline with the instant
  // written in another offset: the values GraphQL resolved are what is compared.
  const reordered = Object.fromEntries(Object.entries(entry).reverse());
  const again = await p.gql(APPEND, { i: reordered }, { token: w.tokens.a, headers });
  expect(again.errors).toBeUndefined();
  expect(again.data.appendRecord).toEqual(first.data.appendRecord);
  const beijing = new Date(at.getTime() + 8 * 3600_000).toISOString().replace('Z', '+08:00');
  const inline = `mutation { appendRecord(input: {
    summary: "询问当事人", officerIds: ${JSON.stringify([w.o1, w.o2])}, occurredAt: "${beijing}", caseId: "${caseId}",
    attachments: [{ fullProcess: false, name: "${film.name}", mediaType: "${film.mediaType}", size: ${film.size}, sha256: "${film.sha256}", kind: VIDEO }],
    activity: ON_SITE_INSPECTION, stage: INVESTIGATION }) { id sequence stage activity hash } }`;
  const inlined = await p.gql(inline, {}, { token: w.tokens.a, headers });
  expect(inlined.errors).toBeUndefined();
  expect(inlined.data.appendRecord).toEqual(first.data.appendRecord);
  expect(await snapshot(p, caseId)).toEqual(after);
  const kept = await sql<{ n: string }>(
    p.databaseUrl,
    `select count(*) as n from records.idempotency where key = $1 and request_hash is not null`,
    [headers['idempotency-key']],
  );
  expect(Number(kept[0].n)).toBe(1);
});
