import { randomUUID } from 'node:crypto';

import {
  auditOverlaps,
  consumerLag,
  inboxCount,
  journalAudits,
  type Query,
  RECORDS_CONSUMERS,
  webhookRepeats,
} from '@tsp/scripts/once-checks';
import {
  encodeCursor,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  type Orm,
  overrideConfig,
  publishEvent,
  shanghaiDate,
} from '@tsp/shared';
import { type Client, createClient } from 'graphql-ws';
import { WebSocket } from 'ws';

import { blobStoreFromEnv, sweepExpiredUploads } from '../subgraphs/records/src/blobs';
import { deleteBytesIfUnneeded } from '../subgraphs/records/src/blobs/sweeper';
import { runJournalAudit } from '../subgraphs/records/src/journal';
import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { testBlob, uploadBlob } from './kit/blobs';
import { sql } from './kit/db';
import type { GqlResult, Platform } from './kit/platform';
import {
  APPEND,
  DECIDE,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  video,
} from './kit/records-fixtures';
import { startTwinPlatform, type TwinPlatform } from './kit/twin-platform';
import { pollUntil, until } from './kit/until';
import { Receiver } from './kit/webhooks-receiver';

// Before the platform starts: loopback receivers are allowed, retries are fast, and both records instances audit
// the journal every 100 ms, so their audits meet often.
overrideConfig({
  WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1',
  WEBHOOK_RETRY_BASE_MS: '50',
  JOURNAL_AUDIT_INTERVAL_MS: '100',
});

/**
 * Two instances of every subgraph on one database, two gateways (each routing to its own instances), requests
 * spread over both: every consumer applies each event once, webhooks are delivered once each, the journal audits
 * never overlap, the blob sweepers free each blob once, subscriptions on either gateway see every event once, and
 * an Idempotency-Key sent through both gateways has the effect of one write.
 */
let p: TwinPlatform;
let w: RecordsWorld;
const receiver = new Receiver();
const SECRET = 'multi-instance-secret-0123456789';
let endpointId: string;
const decided: string[] = [];
const published: string[] = [];

const q: Query = (text, params) => sql(p.databaseUrl, text, params);
const count = async (text: string, params: unknown[] = []) =>
  Number((await sql<{ n: string }>(p.databaseUrl, text, params))[0].n);
const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

beforeAll(async () => {
  p = await startTwinPlatform();
  w = await setupWorld(p);
  await receiver.start();
  ok(
    await p.gql(
      `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`,
      { h: receiver.hostPort },
      {
        token: w.tokens.admin,
      },
    ),
  );
  // Registered through the second gateway; delivered by whichever review instance claims the endpoint.
  const reg = ok(
    await p.gql(
      `mutation($u: String!, $s: String!, $t: [String!]) {
         registerWebhook(url: $u, secret: $s, eventTypes: $t) { id } }`,
      { u: receiver.url, s: SECRET, t: ['ReviewPassed', 'DecisionRecorded'] },
      { token: w.tokens.integrator, ...p.via(1) },
    ),
  );
  endpointId = reg.registerWebhook.id;
}, 180_000);
afterAll(async () => {
  await p?.stop();
  await receiver.stop();
});

/** A penalty case walked to its decision, each step through the next gateway in turn. */
async function decideCase(caseNumber: string, first: number): Promise<string> {
  let i = first;
  const step = async (q: string, input: Record<string, unknown>) =>
    ok(await p.gql(q, { i: input }, { token: w.tokens.a, ...p.via(i++) }));
  const now = () => new Date().toISOString();
  const caseId = (await step(OPEN, penaltyCase(w, caseNumber))).openCase.id as string;
  const append = (stage: string, activity: string, attachments: unknown[]) =>
    step(APPEND, { caseId, stage, activity, occurredAt: now(), officerIds: [w.o1, w.o2], attachments, summary: stage });
  await append('INVESTIGATION', 'ON_SITE_INSPECTION', [video(), photo()]);
  await append('EVIDENCE', 'EVIDENCE_COLLECTION', [video()]);
  const terms = { penaltyKinds: ['FINE'], fineAmount: '3000' };
  const alternating: Platform = { ...p, gql: (q, v, o) => p.gql(q, v, { ...o, ...p.via(i++) }) };
  await serveNoticeWaived(alternating, w, caseId, terms);
  await step(DECIDE, {
    caseId,
    outcome: '处罚',
    ...terms,
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    facts: '未取得建设工程规划许可证建设房屋',
    conclusion: '罚款叁仟元',
    decidedOn: shanghaiDate(),
    officerIds: [w.o1, w.o2],
    attachments: [doc('处罚决定书')],
  });
  return caseId;
}

/** Whether a consumer's cursor stands at the newest position of the outbox it reads. */
const caughtUp = async (schema: string, consumer: string, source: string) =>
  (await consumerLag(q, schema, consumer, source)) === 0;

test('decisions recorded through both gateways: each is published by disclosure once, every records event consumed once by each consumer', async () => {
  decided.push(...(await Promise.all([0, 1, 2, 3].map((n) => decideCase(`宁规罚〔2026〕${610 + n}号`, n)))));
  await until('both consumers of records caught up', async () =>
    (await caughtUp('disclosure', 'disclosure.decisions', 'records')) &&
    (await caughtUp('review', 'review.decisions', 'records'))
      ? true
      : undefined,
  );
  const drafts = await sql<{ case_id: string; n: string }>(
    p.databaseUrl,
    `select case_id, count(*)::text as n from disclosure.publication where case_id = any($1::uuid[]) group by case_id`,
    [decided],
  );
  expect(Object.fromEntries(drafts.map((d) => [d.case_id, Number(d.n)]))).toEqual(
    Object.fromEntries(decided.map((id) => [id, 1])),
  );
  // Every records event is in each consumer's inbox exactly once (the inbox holds each id at most once; equal counts
  // mean none was skipped), and the cursor ended at the head.
  for (const { schema } of RECORDS_CONSUMERS) {
    const { events, inbox } = await inboxCount(q, schema, 'records');
    expect(events).toBeGreaterThanOrEqual(decided.length * 6);
    expect(inbox).toBe(events);
  }
  expect(await count(`select count(*) as n from records.outbox where type = 'DecisionRecorded'`)).toBe(decided.length);
});

/** ReviewPassed events of agency A, written through both review instances at once, as two instances answering would. */
function publishReviewEvents(n: number, from: number) {
  const reviews: Orm[] = [p.subgraphs.review.orm, p.twins.review.orm];
  return Promise.all(
    Array.from({ length: n }, (_, i) => {
      const reviewId = randomUUID();
      return reviews[i % 2].em.fork().transactional((em) =>
        publishEvent(em, 'review', {
          type: 'ReviewPassed',
          agencyId: w.agencyA,
          region: '宁晋县',
          subjectId: reviewId,
          payload: {
            reviewId,
            caseId: randomUUID(),
            caseNumber: `宁规罚〔2026〕${from + i}号`,
            category: 'PENALTY',
            status: 'PASSED',
            reviewerId: null,
            opinion: '同意',
            dueOn: '2026-03-10',
          },
        }),
      );
    }),
  );
}

test('webhooks while both review instances deliver: each event received once, in order, its signature valid', async () => {
  const written = await publishReviewEvents(24, 700);
  published.push(...written.sort((a, b) => a.position - b.position).map((e) => e.id));
  const decisionEvents = (
    await sql<{ id: string }>(
      p.databaseUrl,
      `select id from records.outbox where type = 'DecisionRecorded' order by position`,
    )
  ).map((r) => r.id);
  const expected = [...published, ...decisionEvents];
  await until('every event acknowledged', () =>
    expected.every((id) => receiver.acknowledged().includes(id)) ? true : undefined,
  );
  // One more pass of both workers finds nothing left to send.
  await until('both workers idle', async () =>
    (await count(`select count(*) as n from review.webhook_delivery where endpoint_id = $1`, [endpointId])) ===
    receiver.requests.length
      ? true
      : undefined,
  );
  const ids = receiver.requests.map((r) => r.eventId);
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  expect([...ids].sort()).toEqual([...expected].sort());
  // Each source in its own order.
  expect(ids.filter((id) => published.includes(id))).toEqual(published);
  expect(ids.filter((id) => decisionEvents.includes(id))).toEqual(decisionEvents);
  for (const r of receiver.requests)
    expect(verifyWebhookSignature(SECRET, r.headers['x-tsp-signature'] as string, r.raw)).toMatchObject({ ok: true });
  expect(await webhookRepeats(q, endpointId)).toEqual([]);
  expect(
    await count(`select count(distinct event_id) as n from review.webhook_delivery where endpoint_id = $1`, [
      endpointId,
    ]),
  ).toBe(expected.length);
});

test('the journal audits of both records instances never overlap: each leaf verified once, every run passed', async () => {
  const leaves = await count(`select count(*) as n from records.journal_leaf`);
  // Runs of both instances at once, besides their workers' own: those that get the lock take turns.
  const records = [p.subgraphs.records.orm, p.twins.records.orm];
  await Promise.all(Array.from({ length: 8 }, (_, i) => runJournalAudit(records[i % 2].em.fork())));
  // The workers keep running meanwhile: wait until some audits of the head have come from either.
  await pollUntil(
    () => journalAudits(q),
    (r) => r.filter((a) => Number(a.tree_size) === leaves).length >= 6,
  );
  const audits = await auditOverlaps(q);
  expect(audits.runs.filter((a) => Number(a.tree_size) === leaves).length).toBeGreaterThanOrEqual(6);
  expect(audits.failed).toEqual([]);
  // Each run starts where the previous one ended; two runs overlapping would start at the same size.
  expect(audits.breaks).toEqual([]);
  expect(audits.coveredOnce).toBe(true);
  // One checkpoint per audited size, signed once.
  expect(audits.checkpointRepeats).toBe(0);
  // Both instances' metrics report the newest audit, whichever instance ran it.
  for (const records of [p.subgraphs.records, p.twins.records]) {
    const res = await fetch(records.url.replace('/graphql', '/metrics'), {
      headers: { [INTERNAL_SECRET_HEADER]: internalSecret() },
    });
    const text = await res.text();
    expect(text).toMatch(/^tsp_journal_intact\{service="records"\} 1$/m);
  }
});

describe('idempotency keys across instances', () => {
  const TRAIN = `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) }`;
  const training = (topic: string) => ({ officerId: w.o1, day: shanghaiDate(), hours: 2, topic });
  const rows = (topic: string) =>
    count(`select count(*) as n from personnel.training_record where officer_id = $1 and topic = $2`, [w.o1, topic]);
  const keyed = (key: string, i: number) => ({
    token: w.tokens.admin,
    headers: { 'idempotency-key': key },
    ...p.via(i),
  });

  test('the same key through gateway 1, then gateway 2: one write, the same answer', async () => {
    const first = ok(await p.gql(TRAIN, { i: training('行政执法证据规则') }, keyed('mi-seq', 0)));
    const again = ok(await p.gql(TRAIN, { i: training('行政执法证据规则') }, keyed('mi-seq', 1)));
    expect(again.recordTraining).toBe(first.recordTraining);
    expect(await rows('行政执法证据规则')).toBe(1);
  });

  test('the same key through both gateways at once: one write, both answered with it', async () => {
    for (let round = 0; round < 5; round++) {
      const topic = `听证程序专题 ${round}`;
      const both = await Promise.all(
        [0, 1].map((i) => p.gql(TRAIN, { i: training(topic) }, keyed(`mi-race-${round}`, i))),
      );
      const answers = both.map((r) => ok(r).recordTraining);
      expect(answers[1]).toBe(answers[0]);
      expect(await rows(topic)).toBe(1);
    }
  });

  test('openCase with one key through both gateways at once: one case, one journal leaf, one CaseOpened', async () => {
    const before = await count(`select count(*) as n from records.journal_leaf`);
    for (let round = 0; round < 3; round++) {
      const caseNumber = `宁规罚〔2026〕${800 + round}号`;
      const both = await Promise.all(
        [0, 1].map((i) =>
          p.gql(
            OPEN,
            { i: penaltyCase(w, caseNumber) },
            { token: w.tokens.a, headers: { 'idempotency-key': `mi-open-${round}` }, ...p.via(i) },
          ),
        ),
      );
      const ids = both.map((r) => ok(r).openCase.id);
      expect(ids[1]).toBe(ids[0]);
      expect(
        await count(`select count(*) as n from records.enforcement_case where case_number = $1`, [caseNumber]),
      ).toBe(1);
      expect(
        await count(`select count(*) as n from records.outbox where type = 'CaseOpened' and subject_id = $1`, [ids[0]]),
      ).toBe(1);
    }
    expect(await count(`select count(*) as n from records.journal_leaf`)).toBe(before + 3);
  });
});

test('the blob sweepers of both records instances: each expired upload forgotten once, each blob counted freed once', async () => {
  const store = blobStoreFromEnv();
  const blobs = [0, 1, 2].map((n) => testBlob(`multi-instance sweep ${n}`, 'application/pdf'));
  // Every blob held by both agencies, uncited: two upload rows each, one set of bytes.
  for (const [i, tok] of [w.tokens.a, w.tokens.b].entries())
    for (const blob of blobs)
      expect((await uploadBlob({ ...p, gatewayUrl: p.gatewayUrls[i] }, tok, blob)).status).toBeLessThan(300);
  const shas = blobs.map((b) => b.sha256);
  const uploads = () => count(`select count(*) as n from records.blob_upload where sha256 = any($1::text[])`, [shas]);
  expect(await uploads()).toBe(6);

  // The bytes of a blob whose rows two instances removed: the first removes them, the second finds nothing to free.
  const [one, ...rest] = blobs;
  await sql(p.databaseUrl, `delete from records.blob_upload where sha256 = $1`, [one.sha256]);
  const freed = [];
  for (const records of [p.subgraphs.records, p.twins.records])
    freed.push(await deleteBytesIfUnneeded(records.orm.em, store, one.sha256));
  expect(freed).toEqual([true, false]);
  expect(await store.has(one.sha256)).toBe(false);

  // Both sweepers at once, a row per batch, so their rows of one blob interleave: every row goes once, every blob's
  // bytes are counted freed once between them.
  const later = { now: new Date(Date.now() + 86_400_000), ttlMs: 1, batch: 1 };
  const held = await sql<{ sha256: string; size: string }>(
    p.databaseUrl,
    `select distinct sha256, size::text from records.blob_upload`,
  );
  const stored = async () => {
    const there = await Promise.all(held.map((b) => store.has(b.sha256)));
    return held.filter((_, i) => there[i]);
  };
  const before = await stored();
  const swept = await Promise.all(
    [p.subgraphs.records, p.twins.records].map((r) => sweepExpiredUploads(r.orm.em, store, later)),
  );
  expect(await uploads()).toBe(0);
  for (const blob of rest) expect(await store.has(blob.sha256)).toBe(false);
  // Besides these, fixture blobs no case cites go too; those cited stay.
  const after = new Set((await stored()).map((b) => b.sha256));
  const gone = before.filter((b) => !after.has(b.sha256));
  expect(gone.length).toBeGreaterThanOrEqual(rest.length);
  expect(swept.reduce((n, r) => n + r.blobsDeleted, 0)).toBe(gone.length);
  expect(swept.reduce((n, r) => n + r.freedBytes, 0)).toBe(gone.reduce((n, b) => n + Number(b.size), 0));
});

test('subscriptions on both gateways: each gets every event once, whichever review instance wrote it', async () => {
  const clients: Client[] = [];
  const seen: string[][] = [[], []];
  try {
    for (const i of [0, 1]) {
      const client = createClient({
        url: p.gatewayUrls[i].replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${w.tokens.integrator}` },
        retryAttempts: 0,
      });
      clients.push(client);
      client.subscribe<{ reviewEvents: { id: string } }>(
        { query: `subscription($a: String) { reviewEvents(after: $a) { id } }`, variables: { a: encodeCursor('0') } },
        {
          next: (v) => void seen[i].push(v.data?.reviewEvents.id ?? 'error'),
          error: () => undefined,
          complete: () => {},
        },
      );
    }
    // The log so far (the gap), then events written through both instances while the subscriptions are live.
    await until('the gap delivered to both', () =>
      seen.every((s) => s.length >= published.length) ? true : undefined,
    );
    const live = (await publishReviewEvents(6, 900)).sort((a, b) => a.position - b.position).map((e) => e.id);
    const all = [...published, ...live];
    await until('the live events delivered to both', () =>
      seen.every((s) => s.length >= all.length) ? true : undefined,
    );
    for (const s of seen) expect(s).toEqual(all);
  } finally {
    for (const c of clients) await c.dispose();
  }
});
