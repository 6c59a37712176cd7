import type { EntityManager } from '@tsp/shared';

import { countDelivery } from './metrics.js';
import { sealSecret } from './secret-box.js';
import { cursorsOf, type SourceCursorRow } from './source-cursors.js';
import type { WebhookSource } from './sources.js';

/** A registered endpoint as stored (the secret never leaves this module's callers' process). */
export interface EndpointRow {
  id: string;
  owner: string;
  url: string;
  /** The signing secret, encrypted (secret-box.ts); opened only to sign a delivery. */
  sealedSecret: Buffer;
  agencyIds: string[];
  region: string | null;
  /** The event types chosen at registration; null (endpoints registered before the choice) = review's. */
  eventTypes: string[] | null;
  active: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
  /** Position in review's outbox of the last event delivered or given up (0 = before the first). */
  position: number;
  nextAttemptAt: Date;
  /** Consecutive failed attempts of the event after `position`. */
  failedAttempts: number;
  failingSince: Date | null;
  /** Cursors in the other sources the endpoint reads (inspection), each with its own retry state. */
  cursors: SourceCursorRow[];
}

export type DeliveryOutcome = 'DELIVERED' | 'FAILED_ATTEMPT' | 'GAVE_UP';

export interface DeliveryRow {
  id: number;
  endpointId: string;
  /** The log the event and its position belong to. */
  source: WebhookSource;
  eventId: string;
  eventType: string;
  position: number;
  attempt: number;
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  attemptedAt: Date;
  outcome: DeliveryOutcome;
}

export interface AllowedHostRow {
  host: string;
  addedBy: string;
  addedAt: Date;
}

type Timestamp = Date | string;
/** review.webhook_endpoint as PostgreSQL returns it (bigint as text). */
export interface EndpointColumns {
  id: string;
  owner: string;
  url: string;
  secret_sealed: Buffer;
  agency_ids: string[] | null;
  region: string | null;
  event_types: string[] | null;
  active: boolean;
  created_at: Timestamp;
  deactivated_at: Timestamp | null;
  position: string | number;
  next_attempt_at: Timestamp;
  failed_attempts: number;
  failing_since: Timestamp | null;
}
/** review.webhook_delivery as PostgreSQL returns it. */
interface DeliveryColumns {
  id: string | number;
  endpoint_id: string;
  source: WebhookSource;
  event_id: string;
  event_type: string;
  position: string | number;
  attempt: number;
  http_status: number | null;
  error: string | null;
  duration_ms: number;
  attempted_at: Timestamp;
  outcome: DeliveryOutcome;
}

export function toEndpoint(r: EndpointColumns, cursors: readonly SourceCursorRow[] = []): EndpointRow {
  return {
    id: r.id,
    owner: r.owner,
    url: r.url,
    sealedSecret: r.secret_sealed,
    agencyIds: r.agency_ids ?? [],
    region: r.region,
    eventTypes: r.event_types,
    active: r.active,
    createdAt: new Date(r.created_at),
    deactivatedAt: r.deactivated_at ? new Date(r.deactivated_at) : null,
    position: Number(r.position),
    nextAttemptAt: new Date(r.next_attempt_at),
    failedAttempts: r.failed_attempts,
    failingSince: r.failing_since ? new Date(r.failing_since) : null,
    cursors: cursors.filter((c) => c.endpointId === r.id),
  };
}

/** Endpoint rows with their remote cursors (one more statement for any number of rows). */
export async function withCursors(em: EntityManager, rows: readonly EndpointColumns[]): Promise<EndpointRow[]> {
  const cursors = await cursorsOf(
    em,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toEndpoint(r, cursors));
}

function toDelivery(r: DeliveryColumns): DeliveryRow {
  return {
    id: Number(r.id),
    endpointId: r.endpoint_id,
    source: r.source,
    eventId: r.event_id,
    eventType: r.event_type,
    position: Number(r.position),
    attempt: r.attempt,
    httpStatus: r.http_status,
    error: r.error,
    durationMs: r.duration_ms,
    attemptedAt: new Date(r.attempted_at),
    outcome: r.outcome,
  };
}

const pgArray = (xs: readonly string[]) => `{${xs.join(',')}}`;

/**
 * Stores a new endpoint (its remote cursors are inserted after it); `secret` is encrypted here, so plaintext never
 * reaches the database.
 */
export async function insertEndpoint(
  em: EntityManager,
  e: Pick<EndpointRow, 'id' | 'owner' | 'url' | 'agencyIds' | 'region' | 'eventTypes' | 'position'> & {
    secret: string;
  },
): Promise<void> {
  await em.execute(
    `insert into review.webhook_endpoint (id, owner, url, secret_sealed, agency_ids, region, event_types, position)
     values (?, ?, ?, ?, ?::uuid[], ?, ?::text[], ?)`,
    [
      e.id,
      e.owner,
      e.url,
      sealSecret(e.id, e.secret),
      pgArray(e.agencyIds),
      e.region,
      e.eventTypes ? pgArray(e.eventTypes) : null,
      e.position,
    ],
  );
}

export async function endpointsOf(em: EntityManager, owner: string): Promise<EndpointRow[]> {
  const rows: EndpointColumns[] = await em.execute(
    `select * from review.webhook_endpoint where owner = ? order by created_at, id`,
    [owner],
  );
  return withCursors(em, rows);
}

/** The caller's own endpoint, or null (another owner's endpoint is indistinguishable from a missing one). */
export async function ownEndpoint(
  em: EntityManager,
  owner: string,
  id: string,
  lock = false,
): Promise<EndpointRow | null> {
  const rows: EndpointColumns[] = await em.execute(
    `select * from review.webhook_endpoint where id = ? and owner = ?${lock ? ' for update' : ''}`,
    [id, owner],
  );
  return rows.length ? (await withCursors(em, rows))[0] : null;
}

export async function countActive(em: EntityManager, owner: string): Promise<number> {
  const [r] = await em.execute(`select count(*)::int as n from review.webhook_endpoint where owner = ? and active`, [
    owner,
  ]);
  return r.n;
}

/** Moves review's cursor (replay) and clears its retry state, so the next review event goes out at once. */
export async function moveCursor(em: EntityManager, id: string, position: number): Promise<void> {
  await em.execute(
    `update review.webhook_endpoint set position = ?, failed_attempts = 0, failing_since = null, next_attempt_at = now()
     where id = ?`,
    [position, id],
  );
}

export async function deactivate(em: EntityManager, id: string): Promise<void> {
  await em.execute(
    `update review.webhook_endpoint set active = false, deactivated_at = coalesce(deactivated_at, now()) where id = ?`,
    [id],
  );
}

/** Newest first; `beforeId` pages further back. Fetches limit+1 so the caller knows if more exist. */
export async function deliveriesOf(
  em: EntityManager,
  endpointId: string,
  limit: number,
  beforeId: number | null,
): Promise<DeliveryRow[]> {
  const rows: DeliveryColumns[] = await em.execute(
    `select * from review.webhook_delivery where endpoint_id = ?${beforeId !== null ? ' and id < ?' : ''} order by id desc limit ?`,
    beforeId !== null ? [endpointId, beforeId, limit + 1] : [endpointId, limit + 1],
  );
  return rows.map(toDelivery);
}

export async function logDelivery(
  em: EntityManager,
  d: Omit<DeliveryRow, 'id' | 'attemptedAt'> & { attemptedAt: Date },
): Promise<void> {
  await em.execute(
    `insert into review.webhook_delivery (endpoint_id, source, event_id, event_type, position, attempt, http_status, error, duration_ms, attempted_at, outcome)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      d.endpointId,
      d.source,
      d.eventId,
      d.eventType,
      d.position,
      d.attempt,
      d.httpStatus,
      d.error,
      d.durationMs,
      d.attemptedAt,
      d.outcome,
    ],
  );
  countDelivery(d.outcome);
}

/** The newest position in review's outbox (a new endpoint starts after it). */
export async function outboxHead(em: EntityManager): Promise<number> {
  const [r] = await em.execute(`select coalesce(max(position), 0) as p from review.outbox`);
  return Number(r.p);
}

export async function allowedHosts(em: EntityManager): Promise<AllowedHostRow[]> {
  const rows: { host: string; added_by: string; added_at: Timestamp }[] = await em.execute(
    `select * from review.webhook_allowed_host order by host`,
  );
  return rows.map((r) => ({ host: r.host, addedBy: r.added_by, addedAt: new Date(r.added_at) }));
}

export async function isAllowed(em: EntityManager, keys: readonly string[]): Promise<boolean> {
  const [r] = await em.execute(
    `select exists(select 1 from review.webhook_allowed_host where host = any(?::text[])) as ok`,
    [pgArray(keys.map((k) => `"${k}"`))],
  );
  return r.ok;
}

export async function allowHost(em: EntityManager, host: string, by: string): Promise<AllowedHostRow> {
  await em.execute(
    `insert into review.webhook_allowed_host (host, added_by) values (?, ?) on conflict (host) do nothing`,
    [host, by],
  );
  const [r] = await em.execute(`select * from review.webhook_allowed_host where host = ?`, [host]);
  return { host: r.host, addedBy: r.added_by, addedAt: new Date(r.added_at) };
}

export async function disallowHost(em: EntityManager, host: string): Promise<boolean> {
  const rows: unknown[] = await em.execute(`delete from review.webhook_allowed_host where host = ? returning host`, [
    host,
  ]);
  return rows.length > 0;
}
