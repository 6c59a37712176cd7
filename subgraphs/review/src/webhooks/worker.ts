import {
  continueTrace,
  type DomainEvent,
  type EntityManager,
  Heartbeat,
  integratorPayload,
  listenForEvents,
  logger,
  type Orm,
  readEvents,
  type Worker,
} from '@tsp/shared';

import { allowlistKeys, parseWebhookUrl } from './address.js';
import { retryDelayMs, shouldGiveUp } from './backoff.js';
import { allowPrivateAddresses, DELIVERY_TIMEOUT_MS, retryBaseMs, WEBHOOK_WAKE } from './config.js';
import { positionCursor } from './cursor.js';
import { type AttemptResult, postSigned } from './deliver.js';
import { remoteFeed } from './feeds.js';
import { inScopeOfAny } from './scope.js';
import { openSecret, WebhookSecretUnreadableError } from './secret-box.js';
import { WebhookSecretKeyError, webhookSecretKeys } from './secret-key.js';
import { saveSourceCursor, type SourceCursorRow } from './source-cursors.js';
import { isSource, typesFrom, type WebhookSource } from './sources.js';
import { type EndpointColumns, type EndpointRow, isAllowed, logDelivery, withCursors } from './store.js';

/** The most a feed serves per request (eventFeed's cap). */
const MAX_FEED_PAGE = 500;

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

/**
 * The JSON body integrators receive (also what the signature covers, byte for byte). `source` names the log
 * (`reviewEvents`, `inspectionEvents`, `recordsEvents`, `supervisionEvents`, `disclosureEvents`, `personnelEvents`) whose cursor
 * `cursor` is: resume or replay that source from it. The payload is the integrator's (integratorPayload: officers' free text masked, a
 * minor never named), valid against docs/events/v1/<type>.schema.json.
 */
export function webhookBody(e: DomainEvent): string {
  return JSON.stringify({
    id: e.id,
    type: e.type,
    occurredAt: e.occurredAt.toISOString(),
    agencyId: e.agencyId,
    subjectId: e.subjectId,
    payload: integratorPayload(e.type, e.payload),
    source: e.source,
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
    const later = new Date(Date.now() + retryBaseMs());
    await tx.execute(`update review.webhook_endpoint set next_attempt_at = ? where id = ?`, [later, e.id]);
    await tx.execute(`update review.webhook_source_cursor set next_attempt_at = ? where endpoint_id = ?`, [
      later,
      e.id,
    ]);
    return null;
  }
}

/** A source's cursor and retry state for one endpoint, as a delivery run reads and leaves it. */
interface RunState {
  position: number;
  failedAttempts: number;
  failingSince: Date | null;
  nextAttemptAt: Date;
}

/**
 * Sends one source's events in order (head-of-line: a failing event blocks the ones after it until delivered or
 * given up), logging each attempt. `readUpTo` is the last position read, events out of the endpoint's types or
 * scope included: once every event is sent, the cursor moves past those too. Returns the state to store and
 * whether the source has more to do right now.
 */
async function deliverRun(
  tx: EntityManager,
  e: EndpointRow,
  secret: string,
  from: RunState,
  read: { events: DomainEvent[]; readUpTo: number; full: boolean },
  budgetEnds: number,
): Promise<{ state: RunState; more: boolean }> {
  let { position, failedAttempts, failingSince } = from;
  let nextAttemptAt = new Date();
  let more = read.full;
  let completed = true;
  for (const ev of read.events) {
    const attemptedAt = new Date();
    // Each attempt continues the trace of the request that wrote the event.
    const r = await continueTrace(`webhook ${ev.source}.${ev.type}`, ev, () => attempt(tx, e, secret, ev));
    const now = new Date();
    const n = failedAttempts + 1;
    const base = {
      endpointId: e.id,
      source: ev.source as WebhookSource,
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
      completed = false;
      break;
    } else {
      await logDelivery(tx, { ...base, outcome: 'FAILED_ATTEMPT' });
      failedAttempts = n;
      failingSince ??= now;
      nextAttemptAt = new Date(now.getTime() + retryDelayMs(n, retryBaseMs()));
      more = false;
      completed = false;
      break;
    }
    // Keep the lock (and the transaction) short; the rest goes in the next claim.
    if (Date.now() > budgetEnds && ev !== read.events.at(-1)) {
      more = true;
      completed = false;
      break;
    }
  }
  if (completed) position = Math.max(position, read.readUpTo);
  return { state: { position, failedAttempts, failingSince, nextAttemptAt }, more };
}

/** Opens the endpoint's secret once per claim, at the first event to send (idle claims never decrypt). */
function secretOnce(tx: EntityManager, e: EndpointRow): () => Promise<string | null> {
  let opened: Promise<string | null> | undefined;
  return () => (opened ??= openOrPostpone(tx, e));
}

/** Review's own events for the endpoint: read from review's outbox, in the same scope as reviewEvents. */
async function deliverReview(
  tx: EntityManager,
  e: EndpointRow,
  secret: () => Promise<string | null>,
  batch: number,
  budgetEnds: number,
): Promise<boolean | null> {
  const types = typesFrom('review', e.eventTypes);
  if (!types.length || e.nextAttemptAt.getTime() > Date.now()) return false;
  // The same events, in the same scope, as the token could read from reviewEvents.
  const events = await readEvents(tx, 'review', {
    after: e.position,
    limit: batch,
    types,
    agencyIds: e.agencyIds,
    region: e.region ?? undefined,
  });
  // Caught up: nothing to write (idle passes cost one read per endpoint, no row churn).
  if (events.length === 0) return false;
  const s = await secret();
  if (s === null) return null;
  const read = { events, readUpTo: events.at(-1)!.position, full: events.length === batch };
  const { state, more } = await deliverRun(tx, e, s, e, read, budgetEnds);
  await tx.execute(
    `update review.webhook_endpoint set position = ?, failed_attempts = ?, failing_since = ?, next_attempt_at = ? where id = ?`,
    [state.position, state.failedAttempts, state.failingSince, state.nextAttemptAt, e.id],
  );
  return more;
}

/**
 * Another subgraph's events for the endpoint, read from its feed with review's service token and filtered here to
 * the endpoint's types and scope (inScopeOf: the same rule as the source's own log). A source that does not
 * answer is looked at again after the retry delay, without counting against the receiver; the endpoint's other
 * sources go on meanwhile, and nothing is skipped (the cursor moves only past what was read).
 */
async function deliverRemote(
  tx: EntityManager,
  e: EndpointRow,
  c: SourceCursorRow,
  secret: () => Promise<string | null>,
  batch: number,
  budgetEnds: number,
): Promise<boolean | null> {
  const types = typesFrom(c.source, e.eventTypes);
  if (!types.length || c.nextAttemptAt.getTime() > Date.now()) return false;
  // A pending start reads the source from its beginning, mostly to pass events over: full pages.
  const limit = c.startAfter ? MAX_FEED_PAGE : batch;
  let fetched: DomainEvent[];
  try {
    fetched = await remoteFeed(c.source).events(c.position, limit);
  } catch (err) {
    log.warn({ endpoint: e.id, source: c.source, err: (err as Error).message }, 'webhook source unreachable; later');
    await saveSourceCursor(tx, { ...c, nextAttemptAt: new Date(Date.now() + retryBaseMs()) });
    return false;
  }
  const full = fetched.length === limit;
  const scope = { agencyIds: e.agencyIds, region: e.region };
  const events = fetched.filter(
    (ev) =>
      types.includes(ev.type) &&
      inScopeOfAny(scope, ev) &&
      !(c.startAfter && ev.occurredAt.getTime() < c.startAfter.getTime()),
  );
  const readUpTo = fetched.at(-1)?.position ?? c.position;
  // Read to the head once: a pending start is resolved.
  const startAfter = full ? c.startAfter : null;
  if (events.length === 0) {
    if (readUpTo !== c.position || startAfter !== c.startAfter)
      await saveSourceCursor(tx, { ...c, position: readUpTo, startAfter });
    return full;
  }
  const s = await secret();
  if (s === null) return null;
  const { state, more } = await deliverRun(tx, e, s, c, { events, readUpTo, full }, budgetEnds);
  await saveSourceCursor(tx, {
    ...c,
    ...state,
    startAfter: state.position === readUpTo ? startAfter : c.startAfter,
  });
  return more;
}

/**
 * Delivers one claimed endpoint's events, each source in its own order with its own cursor and retry state. The
 * row lock is held for the whole claim, so no other instance delivers to the same endpoint concurrently; the log
 * rows and the cursors commit together. Returns whether the endpoint has more to do right now.
 */
async function deliverClaimed(tx: EntityManager, e: EndpointRow, batch: number): Promise<boolean> {
  const budgetEnds = Date.now() + DELIVERY_TIMEOUT_MS;
  const secret = secretOnce(tx, e);
  let more = false;
  const review = await deliverReview(tx, e, secret, batch, budgetEnds);
  if (review === null) return false;
  more ||= review;
  for (const c of e.cursors) {
    if (Date.now() > budgetEnds) return true;
    const r = await deliverRemote(tx, e, c, secret, batch, budgetEnds);
    if (r === null) return false;
    more ||= r;
  }
  return more;
}

/**
 * Pushes review's and other sources' events to every active endpoint. Safe with several instances: each endpoint
 * is claimed FOR UPDATE SKIP LOCKED. Woken by LISTEN/NOTIFY (new events, replays), and by a timer at the next due
 * retry or the poll interval, whichever is sooner.
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
      const now = new Date();
      // Due when review's attempt or any other source's is due.
      const rows: EndpointColumns[] = await tx.execute(
        `select e.* from review.webhook_endpoint e
         where e.active and not (e.id = any(?::uuid[])) and (e.next_attempt_at <= ? or exists (
           select 1 from review.webhook_source_cursor c where c.endpoint_id = e.id and c.next_attempt_at <= ?))
         order by e.next_attempt_at, e.id limit 1 for update of e skip locked`,
        [`{${[...visited].join(',')}}`, now, now],
      );
      if (!rows.length) return false;
      const [e] = await withCursors(tx, rows);
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
      // Only retries still ahead: a time already past means "deliver when there is something", which the pass just
      // did; new events wake the worker (NOTIFY, or the poll). Counting past times woke it every 10 ms for as long
      // as any endpoint was active, about 140 statements a second with nothing to send.
      const [r]: { due: Date | null }[] = await o.orm.em.fork().execute(
        `select least(
           (select min(next_attempt_at) from review.webhook_endpoint where active and next_attempt_at > now()),
           (select min(c.next_attempt_at) from review.webhook_source_cursor c
              join review.webhook_endpoint e on e.id = c.endpoint_id
             where e.active and c.next_attempt_at > now())) as due`,
      );
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
    // Other sources notify on the same channel when they share the database; polling covers them otherwise.
    (payload) => (isSource(payload) || payload === WEBHOOK_WAKE) && void wake(),
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
