import {
  continueTrace,
  type DomainEvent,
  type EntityManager,
  Heartbeat,
  listenForEvents,
  logger,
  type Orm,
  readEvents,
  type Worker,
} from '@tsp/shared';

import { REVIEW_EVENT_TYPES } from '../events/review-events.js';
import { allowlistKeys, parseWebhookUrl } from './address.js';
import { retryDelayMs, shouldGiveUp } from './backoff.js';
import { allowPrivateAddresses, DELIVERY_TIMEOUT_MS, retryBaseMs, WEBHOOK_WAKE } from './config.js';
import { positionCursor } from './cursor.js';
import { type AttemptResult, postSigned } from './deliver.js';
import { openSecret, WebhookSecretUnreadableError } from './secret-box.js';
import { WebhookSecretKeyError, webhookSecretKeys } from './secret-key.js';
import { type EndpointColumns, type EndpointRow, isAllowed, logDelivery, toEndpoint } from './store.js';

const log = logger('review:webhooks');

export interface WebhookWorkerOptions {
  orm: Orm;
  /** Fallback poll when no notification arrives (ms). */
  pollMs?: number;
  /** Events per endpoint claim. */
  batch?: number;
  /** Endpoints delivered to in parallel by this instance. */
  concurrency?: number;
}

/** The JSON body integrators receive (also what the signature covers, byte for byte). */
export function webhookBody(e: DomainEvent): string {
  return JSON.stringify({
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    agencyId: e.agencyId,
    subjectId: e.subjectId,
    payload: e.payload,
    cursor: positionCursor(e.position),
  });
}

async function attempt(em: EntityManager, e: EndpointRow, secret: string, ev: DomainEvent): Promise<AttemptResult> {
  const target = parseWebhookUrl(e.url);
  if ('problem' in target) return { ok: false, httpStatus: null, error: `url ${target.problem}`, durationMs: 0 };
  // The ADMIN may have removed the host since registration.
  if (!(await isAllowed(em, allowlistKeys(target))))
    return {
      ok: false,
      httpStatus: null,
      error: `host ${allowlistKeys(target)[1]} is no longer on the webhook allowlist; not sent`,
      durationMs: 0,
    };
  return postSigned({
    url: e.url,
    secret,
    body: webhookBody(ev),
    eventId: ev.id,
    timeoutMs: DELIVERY_TIMEOUT_MS,
    blockInternal: !allowPrivateAddresses(),
  });
}

/**
 * The endpoint's signing secret, or null when it cannot be decrypted (a wrong or changed
 * WEBHOOK_SECRET_KEY; during a rotation WEBHOOK_SECRET_KEY_PREVIOUS opens what is not re-sealed yet). Then nothing is sent — a signature with a garbage secret would only make the
 * receiver reject it — no attempt is counted toward giving up (events are not lost to a
 * misconfiguration), and the endpoint is looked at again after the retry delay.
 */
async function openOrPostpone(tx: EntityManager, e: EndpointRow): Promise<string | null> {
  try {
    return openSecret(e.id, e.sealedSecret);
  } catch (err) {
    if (!(err instanceof WebhookSecretUnreadableError || err instanceof WebhookSecretKeyError)) throw err;
    log.error(
      { endpoint: e.id, err: err.message },
      'webhook not sent: its secret cannot be decrypted; check WEBHOOK_SECRET_KEY (and WEBHOOK_SECRET_KEY_PREVIOUS after a key change)',
    );
    await tx.execute(`update review.webhook_endpoint set next_attempt_at = ? where id = ?`, [
      new Date(Date.now() + retryBaseMs()),
      e.id,
    ]);
    return null;
  }
}

/**
 * Delivers one claimed endpoint's events in order (head-of-line: a failing event blocks the ones
 * after it until delivered or given up). The row lock is held for the whole claim, so no other
 * instance delivers to the same endpoint concurrently; the log rows and the cursor commit together.
 * Returns whether the endpoint has more to do right now.
 */
async function deliverClaimed(tx: EntityManager, e: EndpointRow, batch: number): Promise<boolean> {
  // The same events, in the same scope, as the token could read from reviewEvents.
  const events = await readEvents(tx, 'review', {
    after: e.position,
    limit: batch,
    types: REVIEW_EVENT_TYPES,
    agencyIds: e.agencyIds,
    region: e.region ?? undefined,
  });
  // Caught up: nothing to write (idle passes cost one read per endpoint, no row churn).
  if (events.length === 0) return false;
  const secret = await openOrPostpone(tx, e);
  if (secret === null) return false;
  const budgetEnds = Date.now() + DELIVERY_TIMEOUT_MS;
  let { position, failedAttempts, failingSince } = e;
  let nextAttemptAt = new Date();
  let more = events.length === batch;
  for (const ev of events) {
    const attemptedAt = new Date();
    // Each attempt continues the trace of the request that wrote the event.
    const r = await continueTrace(`webhook ${ev.source}.${ev.type}`, ev, () => attempt(tx, e, secret, ev));
    const now = new Date();
    const n = failedAttempts + 1;
    const base = {
      endpointId: e.id,
      eventId: ev.id,
      eventType: ev.type,
      position: ev.position,
      attempt: n,
      httpStatus: r.httpStatus,
      error: r.error,
      durationMs: r.durationMs,
      attemptedAt,
    };
    if (r.ok) {
      await logDelivery(tx, { ...base, outcome: 'DELIVERED' });
      position = ev.position;
      failedAttempts = 0;
      failingSince = null;
    } else if (shouldGiveUp(failingSince ?? now, now)) {
      await logDelivery(tx, { ...base, outcome: 'GAVE_UP' });
      log.warn({ endpoint: e.id, event: ev.id, attempts: n }, 'gave up on an event after the retry window');
      position = ev.position;
      failedAttempts = 0;
      failingSince = null;
      more = true;
      break;
    } else {
      await logDelivery(tx, { ...base, outcome: 'FAILED_ATTEMPT' });
      failedAttempts = n;
      failingSince ??= now;
      nextAttemptAt = new Date(now.getTime() + retryDelayMs(n, retryBaseMs()));
      more = false;
      break;
    }
    // Keep the lock (and the transaction) short; the rest goes in the next claim.
    if (Date.now() > budgetEnds) {
      more = true;
      break;
    }
  }
  await tx.execute(
    `update review.webhook_endpoint set position = ?, failed_attempts = ?, failing_since = ?, next_attempt_at = ? where id = ?`,
    [position, failedAttempts, failingSince, nextAttemptAt, e.id],
  );
  return more;
}

/**
 * Pushes review events to every active endpoint. Safe with several instances: each endpoint is
 * claimed FOR UPDATE SKIP LOCKED. Woken by LISTEN/NOTIFY (new review events, replays), and by a
 * timer at the next due retry or the poll interval, whichever is sooner.
 */
export function startWebhookWorker(o: WebhookWorkerOptions): Worker & { drain(): Promise<void> } {
  // A malformed WEBHOOK_SECRET_KEY (or _PREVIOUS) stops the service at start, not at the first delivery.
  if (webhookSecretKeys().previous)
    log.info(
      'WEBHOOK_SECRET_KEY_PREVIOUS is set: secrets sealed under it still open; run `npm run rotate-webhook-key`, then unset it',
    );
  const pollMs = o.pollMs ?? 2000;
  const batch = o.batch ?? 20;
  const concurrency = o.concurrency ?? 2;
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  // For /ready: each claim beats, and so does scheduling the next wake; a claim hanging past the bound is stuck.
  const heartbeat = new Heartbeat('review.webhooks');

  /** Claims one due endpoint not yet visited in this pass; false when none is left. */
  const claimOne = async (visited: Set<string>): Promise<boolean> => {
    heartbeat.beat();
    return o.orm.em.fork().transactional(async (tx) => {
      const rows: EndpointColumns[] = await tx.execute(
        `select * from review.webhook_endpoint where active and next_attempt_at <= ? and not (id = any(?::uuid[]))
         order by next_attempt_at, id limit 1 for update skip locked`,
        [new Date(), `{${[...visited].join(',')}}`],
      );
      if (!rows.length) return false;
      const e = toEndpoint(rows[0]);
      if (!(await deliverClaimed(tx, e, batch))) visited.add(e.id);
      return true;
    });
  };

  const pass = async () => {
    const visited = new Set<string>();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (!stopped && (await claimOne(visited)));
      }),
    );
  };

  const schedule = async () => {
    if (stopped) return;
    let delay = pollMs;
    try {
      const [r]: { due: Date | null }[] = await o.orm.em
        .fork()
        .execute(`select min(next_attempt_at) as due from review.webhook_endpoint where active`);
      if (r?.due) delay = Math.min(pollMs, Math.max(10, new Date(r.due).getTime() - Date.now()));
    } catch {
      // keep the poll interval
    }
    clearTimeout(timer);
    heartbeat.beat(delay);
    if (!stopped) timer = setTimeout(() => void wake(), delay);
  };

  const run = async () => {
    do {
      again = false;
      try {
        await pass();
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'webhook pass failed; will retry');
      }
    } while (again && !stopped);
    await schedule();
  };

  const wake = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => {
      running = null;
    });
    return running;
  };

  const listener = listenForEvents(
    o.orm.config.get('clientUrl'),
    (payload) => (payload === 'review' || payload === WEBHOOK_WAKE) && void wake(),
    log,
    Math.max(pollMs, 1000),
  );
  void wake();

  return {
    heartbeat,
    async drain() {
      await wake();
      while (running) await running;
    },
    async stop() {
      stopped = true;
      heartbeat.stop();
      clearTimeout(timer);
      await running;
      await listener.stop();
    },
  };
}
