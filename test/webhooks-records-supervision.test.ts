import { randomUUID } from 'node:crypto';

import { overrideConfig, PartyType, publishEvent, Role, shanghaiDate } from '@tsp/shared';

import { expectDeliveredAsLogged, integratorEndpoints } from './kit/integrator-endpoints';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';
import { until } from './kit/until';
import { Receiver } from './kit/webhooks-receiver';

/**
 * Data exchange with the provincial platform: records' and supervision's events by signed webhook and in their
 * durable logs (recordsEvents, supervisionEvents), scoped by the integrator's token, with payloads that match the
 * checked-in JSON Schemas and carry no minor's name and no ID number; one source down holds up no other.
 */

// Before the platform starts: loopback receivers are allowed here, retries are fast, complaints not rate limited.
overrideConfig({
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1',
  WEBHOOK_RETRY_BASE_MS: '50',
  COMPLAINT_RATE_PER_HOUR: '10000',
  COMPLAINT_RATE_PER_DAY: '10000',
});

const TYPES = ['CaseOpened', 'DecisionRecorded', 'ComplaintSubmitted'];
const ID_NUMBER = '130528200801011234';
const MINOR = '周小军';

let p: Platform;
const endpoints = integratorEndpoints(
  () => p,
  () => w.tokens.admin,
  TYPES,
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

/** A complaint as the public submits it (the complainant's name, phone and ID number stay in supervision). */
function submitComplaint(agencyId: string) {
  return p.gql(`mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { status } }`, {
    i: {
      agencyId,
      subject: '执法人员未出示证件',
      content: '2026年11月3日上午，执法人员检查时未出示执法证件。',
      name: '孙丽',
      phone: '13912345678',
      idNumber: '11010519491231002X',
    },
  });
}

/**
 * A DecisionRecorded of a minor, with an ID number in the facts, committed into records' outbox as records writes it
 * (the whole decision procedure is other tests' subject). Same database, so review's connection can write it, also
 * while records' process is stopped.
 */
function publishDecision(agencyId: string) {
  const caseId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'records', {
      type: 'DecisionRecorded',
      agencyId,
      region: '宁晋县',
      subjectId: caseId,
      payload: {
        caseId,
        caseNumber: '宁规罚〔2026〕交1号',
        agencyId,
        category: 'PENALTY',
        cause: `${MINOR}未取得许可经营`,
        party: { type: PartyType.NATURAL_PERSON, name: MINOR, isMinor: true },
        outcome: '警告',
        penaltyKinds: ['WARNING'],
        fineAmount: null,
        confiscationAmount: null,
        legalBasis: '《中华人民共和国行政处罚法》第三十条',
        facts: `经查，${MINOR}（身份证号：${ID_NUMBER}）于2026年5月无证经营。`,
        conclusion: `对${MINOR}予以警告`,
        decidedOn: shanghaiDate(),
        reviewId: null,
      },
    }),
  );
}

const bySource = (r: Receiver, source: string) => r.requests.filter((q) => q.body.source === source);
const has = (r: Receiver, id: string) => r.acknowledged().includes(id);

test('DecisionRecorded and ComplaintSubmitted reach the endpoint signed with their source, schema-valid, no minor named, no ID number; agency B gets nothing of A', async () => {
  const [ra, rb] = [await receiver(), await receiver()];
  const intB = await token({ role: Role.INTEGRATOR, sub: 'client-b', agencyId: w.agencyB });
  const a = ok(await register(w.tokens.integrator, ra.url)).registerWebhook;
  ok(await register(intB, rb.url));
  expect(a.sources.map((s: { source: string }) => s.source)).toEqual(['records', 'supervision']);

  ok(await submitComplaint(w.agencyA));
  const opened = ok(await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕交2号') }, { token: w.tokens.a })).openCase;
  const decision = await publishDecision(w.agencyA);
  ok(await submitComplaint(w.agencyB));
  const decisionB = await publishDecision(w.agencyB);

  await until('A: complaint, case opened and decision', () => (ra.acknowledged().length >= 3 ? true : undefined));
  await until("B's complaint and decision", () => (rb.acknowledged().length >= 2 ? true : undefined));

  const [records, supervision] = [bySource(ra, 'records'), bySource(ra, 'supervision')];
  expect(records.map((q) => q.body.type)).toEqual(['CaseOpened', 'DecisionRecorded']);
  expect(supervision.map((q) => q.body.type)).toEqual(['ComplaintSubmitted']);
  expect(records[0].body).toMatchObject({ agencyId: w.agencyA, subjectId: opened.id });
  expect(records[1].eventId).toBe(decision.id);

  const [recordsLog, supervisionLog] = [
    await log('recordsEvents', w.tokens.integrator),
    await log('supervisionEvents', w.tokens.integrator),
  ];
  for (const q of records) expectDeliveredAsLogged(q, recordsLog, 'records');
  for (const q of supervision) expectDeliveredAsLogged(q, supervisionLog, 'supervision');

  // The minor is never named, the ID numbers (the minor's, the complainant's, the party's at filing) never leave.
  for (const q of [...ra.requests, ...rb.requests]) {
    expect(q.raw).not.toContain(MINOR);
    expect(q.raw).not.toMatch(/130528\d{11}[\dX]|11010519491231002X|13912345678|孙丽/);
  }
  expect(records[1].body.payload).toMatchObject({
    party: { type: 'NATURAL_PERSON', name: null, isMinor: true },
    facts: null,
    penaltyKinds: ['WARNING'],
  });

  // B's integrator: B's complaint and decision only, nothing of A, in deliveries and in the logs.
  expect(rb.requests.every((q) => q.body.agencyId === w.agencyB)).toBe(true);
  expect(rb.acknowledged()).toContain(decisionB.id);
  const bLogs = [...(await log('recordsEvents', intB)), ...(await log('supervisionEvents', intB))];
  expect(bLogs.length).toBeGreaterThanOrEqual(2);
  expect(bLogs.every((e) => e.node.agencyId === w.agencyB)).toBe(true);
  expect(recordsLog.every((e) => e.node.agencyId === w.agencyA)).toBe(true);
});

test('records down holds up no other source: complaints flow, records events follow once it is back, each once', async () => {
  const r = await receiver();
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'client-outage', agencyId: w.agencyA });
  ok(await register(integrator, r.url, ['DecisionRecorded', 'ComplaintSubmitted']));

  await p.stopSubgraph('records');
  let restarted = false;
  try {
    const missed = await publishDecision(w.agencyA);
    ok(await submitComplaint(w.agencyA));
    await until('the complaint while records is down', () => (bySource(r, 'supervision').length ? true : undefined));
    expect(bySource(r, 'records')).toEqual([]);

    await p.restartSubgraph('records');
    restarted = true;
    await until('the decision missed during the outage', () => (has(r, missed.id) ? true : undefined));
    const next = await publishDecision(w.agencyA);
    await until('the next decision', () => (has(r, next.id) ? true : undefined));
    expect(bySource(r, 'records').map((q) => [q.eventId, q.status])).toEqual([
      [missed.id, 200],
      [next.id, 200],
    ]);
  } finally {
    if (!restarted) await p.restartSubgraph('records');
  }
});

test('event types of the new sources are checked, and replay takes their source', async () => {
  const r = await receiver();
  const bad = await register(w.tokens.integrator, r.url, ['ComplaintSubmitted', 'OfficerCertified']);
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventTypes' });
  const e = ok(await register(w.tokens.integrator, r.url, ['ComplaintSubmitted'])).registerWebhook;
  const REPLAY = `mutation($e: ID!, $s: String) { replayWebhook(endpointId: $e, source: $s) { id } }`;
  ok(await p.gql(REPLAY, { e: e.id, s: 'supervision' }, { token: w.tokens.integrator }));
  const records = await p.gql(REPLAY, { e: e.id, s: 'records' }, { token: w.tokens.integrator });
  expect(records.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'source' });
  // Replayed from the start: A's complaints come again, B's never.
  await until('replayed complaints', () => (bySource(r, 'supervision').length >= 2 ? true : undefined));
  expect(bySource(r, 'supervision').every((q) => q.body.agencyId === w.agencyA)).toBe(true);
});
