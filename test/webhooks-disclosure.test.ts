import { randomUUID } from 'node:crypto';

import { logger, newContext, overrideConfig, PartyType, publishEvent, Role, shanghaiDate } from '@tsp/shared';

import { publishDecision } from '../subgraphs/disclosure/src/write/publish';
import { publishInspectionResult } from '../subgraphs/disclosure/src/write/publish-inspection-result';
import { sql } from './kit/db';
import { expectDeliveredAsLogged, integratorEndpoints } from './kit/integrator-endpoints';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { until } from './kit/until';

/**
 * Data exchange with the provincial platform: disclosure's publications as events — by signed webhook and in the
 * durable log disclosureEvents — scoped by the integrator's token, valid against the checked-in JSON Schemas, and
 * carrying only the public (masked) copy: never the party's name, ID or phone number.
 */

// Before the platform starts: loopback receivers are allowed here, retries are fast.
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

const PUBLICATION_TYPES = ['PublicationPublished', 'PublicationCorrected', 'PublicationWithdrawn'];
const PARTY = '张三丰';
const ID_NUMBER = '13052819900101123X';
const PHONE = '13812345678';
const MINOR = '周小军';
const INSPECTED = '李四海';
const SECRETS = new RegExp(`${PARTY}|三丰|${ID_NUMBER}|${PHONE}|${MINOR}|${INSPECTED}|四海|130528\\d{11}[\\dX]`);

let p: Platform;
const endpoints = integratorEndpoints(
  () => p,
  () => w.tokens.admin,
);
const { receiver, register, log } = endpoints;
let w: RecordsWorld;

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
});
afterAll(async () => {
  await p?.stop();
  await endpoints.stop();
});

/**
 * A DecisionRecorded committed into records' outbox as records writes it (the decision procedure is other tests'
 * subject), with the party's ID and phone numbers in the facts; disclosure's consumer drafts a publication from it.
 * Returns the draft's id.
 */
async function draftOf(agencyId: string, party: string, isMinor = false): Promise<string> {
  const caseId = randomUUID();
  await p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'records', {
      type: 'DecisionRecorded',
      agencyId,
      region: '宁晋县',
      subjectId: caseId,
      payload: {
        caseId,
        caseNumber: `宁规罚〔2026〕${Math.floor(Math.random() * 900 + 100)}号`,
        agencyId,
        category: 'PENALTY',
        cause: '未取得建设工程规划许可证进行建设',
        party: { type: PartyType.NATURAL_PERSON, name: party, isMinor },
        outcome: '罚款',
        penaltyKinds: ['FINE'],
        fineAmount: '20000.00',
        confiscationAmount: null,
        legalBasis: '《中华人民共和国城乡规划法》第六十四条',
        facts: `经查，${party}（身份证号：${ID_NUMBER}，手机${PHONE}）未取得许可擅自建设。`,
        conclusion: `对${party}处罚款20000元，限期拆除`,
        decidedOn: shanghaiDate(),
        reviewId: null,
      },
    }),
  );
  return until(`the draft of case ${caseId}`, async () => {
    const [row] = await sql<{ id: string }>(p.databaseUrl, `select id from disclosure.publication where case_id = $1`, [
      caseId,
    ]);
    return row?.id;
  });
}

const PUBLISH = `mutation($id: ID!) { publishDecision(id: $id) { id status } }`;
const CORRECT = `mutation($id: ID!, $i: PublicationCorrectionInput!, $r: String!) {
  correctPublication(id: $id, input: $i, reason: $r) { id version } }`;
const WITHDRAW = `mutation($id: ID!, $r: String!, $t: WithdrawalTrigger, $on: String) {
  withdrawPublication(id: $id, reason: $r, trigger: $t, happenedOn: $on) { id status } }`;

const outboxRows = async (subjectId: string) =>
  sql<{ type: string }>(p.databaseUrl, `select type from disclosure.outbox where subject_id = $1 order by position`, [
    subjectId,
  ]);

test('publish, correct, withdraw reach the endpoint signed, schema-valid, masked, in scope only', async () => {
  const [ra, rb] = [await receiver(), await receiver()];
  const intB = await token({ role: Role.INTEGRATOR, sub: 'client-b', agencyId: w.agencyB });
  const intElsewhere = await token({ role: Role.INTEGRATOR, sub: 'client-bx', region: '柏乡县' });
  const a = ok(await register(w.tokens.integrator, ra.url, PUBLICATION_TYPES)).registerWebhook;
  ok(await register(intB, rb.url, [...PUBLICATION_TYPES, 'AnnualReportPublished']));
  expect(a.sources.map((s: { source: string }) => s.source)).toEqual(['disclosure']);

  const id = await draftOf(w.agencyA, PARTY);
  ok(await p.gql(PUBLISH, { id }, { token: w.tokens.a }));
  ok(
    await p.gql(
      CORRECT,
      {
        id,
        i: { summary: `案由：未取得建设工程规划许可证进行建设。${PARTY}（身份证号：${ID_NUMBER}）擅自建设二层住宅` },
        r: `${PARTY}的建设面积有误，予以更正`,
      },
      { token: w.tokens.a },
    ),
  );
  ok(
    await p.gql(WITHDRAW, { id, r: '决定已被撤销', t: 'DECISION_REVOKED', on: shanghaiDate() }, { token: w.tokens.a }),
  );
  // B: an inspection result published at once, and last year's annual report frozen.
  const inspected = ok(
    await p.gql(
      `mutation($i: InspectionResultInput!) { publishInspectionResult(input: $i) { id status } }`,
      {
        i: {
          agencyId: w.agencyB,
          inspectionNumber: '宁文旅抽〔2026〕1号',
          partyName: INSPECTED,
          partyType: 'NATURAL_PERSON',
          partyIsMinor: false,
          summary: `对${INSPECTED}经营的网吧进行抽查（联系电话${PHONE}）`,
          conclusion: '未发现问题',
          legalBasis: '《互联网上网服务营业场所管理条例》',
          inspectedOn: shanghaiDate(),
          publishNow: true,
        },
      },
      { token: w.tokens.b },
    ),
  ).publishInspectionResult;
  expect(inspected.status).toBe('PUBLISHED');
  const year = Number(shanghaiDate().slice(0, 4)) - 1;
  ok(
    await p.gql(
      `mutation($a: ID!, $y: Int!) { publishAnnualReport(agencyId: $a, year: $y) { year } }`,
      { a: w.agencyB, y: year },
      { token: w.tokens.b },
    ),
  );

  await until('A: published, corrected, withdrawn', () => (ra.acknowledged().length >= 3 ? true : undefined));
  await until('B: inspection result and annual report', () => (rb.acknowledged().length >= 2 ? true : undefined));

  // One event per state change, in order, about the one publication.
  expect(ra.requests.map((q) => [q.body.type, q.body.subjectId, q.body.agencyId])).toEqual(
    PUBLICATION_TYPES.map((t) => [t, id, w.agencyA]),
  );
  expect(await outboxRows(id)).toEqual(PUBLICATION_TYPES.map((type) => ({ type })));
  const logA = await log('disclosureEvents', w.tokens.integrator);
  for (const q of [...ra.requests]) expectDeliveredAsLogged(q, logA, 'disclosure');
  const logB = await log('disclosureEvents', intB);
  for (const q of [...rb.requests]) expectDeliveredAsLogged(q, logB, 'disclosure');

  const [published, corrected, withdrawn] = ra.requests.map((q) => q.body.payload);
  expect(published).toMatchObject({ publicationId: id, kind: 'DECISION', partyName: '张**', version: 2, reason: null });
  expect(corrected).toMatchObject({ version: 3, partyName: '张**' });
  expect(corrected.summary).toContain('二层住宅');
  expect(corrected.reason).toContain('建设面积有误');
  // The withdrawal says which, when and why by kind; no text, no reason.
  expect(withdrawn).toMatchObject({ publicationId: id, trigger: 'DECISION_REVOKED', version: 4 });
  expect(withdrawn).not.toHaveProperty('summary');
  expect(JSON.stringify(withdrawn)).not.toContain('撤销');

  // Neither the party's name nor an ID or phone number leaves, in deliveries or in the logs.
  for (const q of [...ra.requests, ...rb.requests]) expect(q.raw).not.toMatch(SECRETS);
  for (const e of [...logA, ...logB]) expect(e.node.payloadJson).not.toMatch(SECRETS);
  expect(rb.requests.map((q) => q.body.type)).toEqual(['PublicationPublished', 'AnnualReportPublished']);
  expect(rb.requests[0].body.payload).toMatchObject({ kind: 'INSPECTION_RESULT', caseId: null, partyName: '李**' });
  expect(rb.requests[1].body.payload).toMatchObject({ agencyId: w.agencyB, year });

  // Scope: each integrator its own agency's events; another county's sees nothing; the public is refused.
  expect(logA.map((e) => e.node.type)).toEqual(PUBLICATION_TYPES);
  expect(logA.every((e) => e.node.agencyId === w.agencyA)).toBe(true);
  expect(logB.length).toBe(2);
  expect(logB.every((e) => e.node.agencyId === w.agencyB)).toBe(true);
  expect(rb.requests.every((q) => q.body.agencyId === w.agencyB)).toBe(true);
  expect(await log('disclosureEvents', intElsewhere)).toEqual([]);
  const anonymous = await p.gql(`{ disclosureEvents { edges { cursor } } }`);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

test('a second check waits for the first and is refused: one event; a minor’s draft publishes none', async () => {
  const id = await draftOf(w.agencyA, '王五');
  const orm = p.subgraphs.disclosure.orm;
  const identity = { role: Role.OFFICER, sub: w.o1, agencyId: w.agencyA };
  const ctxOn = (em: typeof orm.em) => newContext({ identity, em, log: logger('test') });
  let second: Promise<unknown> | undefined;
  await orm.em.fork().transactional(async (tx) => {
    await publishDecision(ctxOn(tx), id);
    // Another request checks the same draft while the first is not committed yet: it must wait, not read DRAFT.
    second = publishDecision(ctxOn(orm.em.fork()), id).catch((e: unknown) => e);
    await until('the second check to wait on the first', async () => {
      const [r] = await sql<{ n: string }>(
        p.databaseUrl,
        `select count(*)::text as n from pg_stat_activity
          where datname = current_database() and wait_event_type = 'Lock'`,
      );
      return r.n !== '0' ? true : undefined;
    });
  });
  expect(((await second) as { extensions?: { code?: string } }).extensions?.code).toBe('CONFLICT');
  expect(await outboxRows(id)).toEqual([{ type: 'PublicationPublished' }]);

  const minor = await draftOf(w.agencyA, MINOR, true);
  expect((await p.gql(PUBLISH, { id: minor }, { token: w.tokens.a })).errors?.[0].extensions?.code).toBe('CONFLICT');
  expect(await outboxRows(minor)).toEqual([]);
});

test('a write rolled back leaves neither the publication nor its event', async () => {
  const inspectionNumber = `宁规抽〔2026〕${randomUUID().slice(0, 8)}`;
  const em = p.subgraphs.disclosure.orm.em.fork();
  const identity = { role: Role.OFFICER, sub: w.o1, agencyId: w.agencyA };
  let written = '';
  await expect(
    em.transactional(async (tx) => {
      const pub = await publishInspectionResult(newContext({ identity, em: tx, log: logger('test') }), {
        agencyId: w.agencyA,
        inspectionNumber,
        partyName: '宁晋县恒达建材有限公司',
        partyType: PartyType.ORGANIZATION,
        partyIsMinor: false,
        summary: '抽查建材质量',
        conclusion: '未发现问题',
        legalBasis: '《建设工程质量管理条例》',
        inspectedOn: shanghaiDate(),
        publishNow: true,
      });
      written = pub.id;
      // Inside the transaction the item and its event both exist.
      expect(await tx.execute(`select type from disclosure.outbox where subject_id = ?`, [pub.id])).toEqual([
        { type: 'PublicationPublished' },
      ]);
      throw new Error('the enclosing transaction fails');
    }),
  ).rejects.toThrow('the enclosing transaction fails');
  expect(written).not.toBe('');
  expect(await sql(p.databaseUrl, `select id from disclosure.publication where id = $1`, [written])).toEqual([]);
  expect(await outboxRows(written)).toEqual([]);
});
