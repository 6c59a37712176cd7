import type { EntityManager } from '@tsp/shared';

import type { RemoteSource } from './sources.js';

/**
 * An endpoint's cursor and retry state in a source other than review (review's own stay on the endpoint row).
 * Changed only while the endpoint row is locked (a claim, a replay), so one writer at a time.
 */
export interface SourceCursorRow {
  endpointId: string;
  source: RemoteSource;
  /** Position in the source's feed of the last event delivered, given up or passed over (0 = before the first). */
  position: number;
  /** Set when the source's head was unknown at registration: events that occurred before it are not sent. */
  startAfter: Date | null;
  nextAttemptAt: Date;
  failedAttempts: number;
  failingSince: Date | null;
}

type Timestamp = Date | string;
interface CursorColumns {
  endpoint_id: string;
  source: RemoteSource;
  position: string | number;
  start_after: Timestamp | null;
  next_attempt_at: Timestamp;
  failed_attempts: number;
  failing_since: Timestamp | null;
}

const toCursor = (r: CursorColumns): SourceCursorRow => ({
  endpointId: r.endpoint_id,
  source: r.source,
  position: Number(r.position),
  startAfter: r.start_after ? new Date(r.start_after) : null,
  nextAttemptAt: new Date(r.next_attempt_at),
  failedAttempts: r.failed_attempts,
  failingSince: r.failing_since ? new Date(r.failing_since) : null,
});

export async function insertSourceCursor(
  em: EntityManager,
  c: Pick<SourceCursorRow, 'endpointId' | 'source' | 'position' | 'startAfter'>,
): Promise<void> {
  await em.execute(
    `insert into review.webhook_source_cursor (endpoint_id, source, position, start_after) values (?, ?, ?, ?)`,
    [c.endpointId, c.source, c.position, c.startAfter],
  );
}

/** The remote cursors of these endpoints, in endpoint and source order. */
export async function cursorsOf(em: EntityManager, endpointIds: readonly string[]): Promise<SourceCursorRow[]> {
  if (!endpointIds.length) return [];
  const rows: CursorColumns[] = await em.execute(
    `select * from review.webhook_source_cursor where endpoint_id = any(?::uuid[]) order by endpoint_id, source`,
    [`{${endpointIds.join(',')}}`],
  );
  return rows.map(toCursor);
}

export async function saveSourceCursor(
  em: EntityManager,
  c: Omit<SourceCursorRow, 'startAfter'> & { startAfter: Date | null },
): Promise<void> {
  await em.execute(
    `update review.webhook_source_cursor set position = ?, start_after = ?, failed_attempts = ?, failing_since = ?,
       next_attempt_at = ? where endpoint_id = ? and source = ?`,
    [c.position, c.startAfter, c.failedAttempts, c.failingSince, c.nextAttemptAt, c.endpointId, c.source],
  );
}

/** Replay: moves one source's cursor and clears its retry state (and any pending start), so it goes out at once. */
export async function moveSourceCursor(
  em: EntityManager,
  endpointId: string,
  source: RemoteSource,
  position: number,
): Promise<void> {
  await em.execute(
    `update review.webhook_source_cursor set position = ?, start_after = null, failed_attempts = 0,
       failing_since = null, next_attempt_at = now() where endpoint_id = ? and source = ?`,
    [position, endpointId, source],
  );
}
