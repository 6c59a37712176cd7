import { randomUUID } from 'node:crypto';

import { review } from '@tsp/review';
import { backgroundSqlStatementsBySchema, overrideConfig, publishEvent, Role } from '@tsp/shared';

import { ALL_EVENT_TYPES } from '../subgraphs/review/src/webhooks/sources';
import { startWebhookWorker } from '../subgraphs/review/src/webhooks/worker';
import { integratorEndpoints } from './kit/integrator-endpoints';
import { type Platform, startPlatform, token } from './kit/platform';
import { pollUntil } from './kit/until';
import { type Receiver, waitFor } from './kit/webhooks-receiver';

/**
 * Review's webhook worker at rest. A delivered endpoint's next_attempt_at is now(); when the worker counted such past
 * times as due, it woke every 10 ms for as long as any endpoint was active (about 140 statements a second with
 * nothing to send). Idle, it must wait for a NOTIFY or its poll, and a NOTIFY must still wake it at once.
 */
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

/** Longer than any wait in this file: a delivery within them came from a NOTIFY, never from the poll. */
const POLL_MS = 10 * 60_000;
/** Waking every 10 ms, the worker ran 130–190 statements in this window on a loaded machine; at rest, 2–3. */
const WINDOW_MS = 2_000;
/** Room for other subgraphs' consumers reading review's feed (one read a second each) and one stray pass. */
const IDLE_BOUND = 15;

let p: Platform;
let admin: string;
let worker: ReturnType<typeof startWebhookWorker>;
let r: Receiver;
const endpoints = integratorEndpoints(
  () => p,
  () => admin,
);
const agency = randomUUID();

/**
 * Review's statements outside requests: with only the webhook worker running in review, the worker's, and the reads
 * of review's feed by other subgraphs' consumers.
 */
const reviewBackground = () => backgroundSqlStatementsBySchema().review ?? 0;

/** Writes a review event the way review's workflow does: in a transaction into its outbox, which NOTIFYs. */
function publish() {
  const reviewId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'review', {
      type: 'ReviewPassed',
      agencyId: agency,
      region: '宁晋县',
      subjectId: reviewId,
      payload: {
        reviewId,
        caseId: randomUUID(),
        caseNumber: '宁市监罚〔2026〕77号',
        category: 'MARKET_REGULATION',
        status: 'PASSED',
        reviewerId: null,
        opinion: '同意',
        dueOn: '2026-03-10',
      },
    }),
  );
}

beforeAll(async () => {
  // Review runs only this worker, held here: its other workers (the decision consumer, the overdue scan) would add
  // their own statements to review's count.
  p = await startPlatform({
    review: { ...review, workers: (orm) => [(worker = startWebhookWorker({ orm, pollMs: POLL_MS }))] },
  });
  admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  r = await endpoints.receiver();
  // Every source's event types: review's schedule on the endpoint row and one cursor row per other source, each
  // due from now on (the worker's wake-up time reads both).
  const integrator = await token({ role: Role.INTEGRATOR, sub: 'int-idle', agencyIds: [agency] });
  const reg = await endpoints.register(integrator, r.url, [...ALL_EVENT_TYPES]);
  expect(reg.errors).toBeUndefined();
  expect(reg.data.registerWebhook.sources.length).toBeGreaterThan(1);
  // One delivery completed: what left next_attempt_at at now().
  const e = await publish();
  await waitFor('the first delivery', () => r.acknowledged().includes(e.id));
}, 120_000);
afterAll(async () => {
  await p?.stop();
  await endpoints.stop();
});

test('idle with an active endpoint after a delivery, the worker runs almost no SQL (no 10 ms loop)', async () => {
  // The delivering pass has committed and the next wake is scheduled: from here the worker is at rest.
  await worker.drain();
  const before = reviewBackground();
  // Over the whole window, or until the count gives the loop away.
  const ran = await pollUntil(
    async () => reviewBackground() - before,
    (n) => n > IDLE_BOUND,
    WINDOW_MS,
  );
  expect(ran).toBeLessThanOrEqual(IDLE_BOUND);
});

test('after idling, a new event goes out at once: the NOTIFY wakes the worker, not its 10-minute poll', async () => {
  await worker.drain();
  const e = await publish();
  await waitFor('the delivery after idling', () => r.acknowledged().includes(e.id));
  expect(r.acknowledged().at(-1)).toBe(e.id);
});
