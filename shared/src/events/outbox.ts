import { randomUUID } from 'node:crypto';

import type { EntityManager } from '@mikro-orm/postgresql';

import { COMMIT_WITHOUT_FLUSH, flushAfterCommit, flushWal } from '../db/group-commit.js';
import { scopeSqlOf } from '../identity/scope.js';
import { currentTraceparent } from '../tracing/propagation.js';
import { type DomainEvent, EVENTS_CHANNEL, type NewEvent } from './types.js';

interface OutboxRow {
  position: string;
  id: string;
  type: string;
  agency_id: string;
  region: string;
  subject_id: string;
  occurred_at: Date;
  payload: Record<string, unknown>;
  traceparent: string | null;
}

function toEvent(source: string, r: OutboxRow): DomainEvent {
  return {
    id: r.id,
    source,
    type: r.type,
    agencyId: r.agency_id,
    region: r.region,
    subjectId: r.subject_id,
    occurredAt: new Date(r.occurred_at),
    payload: r.payload,
    position: Number(r.position),
    traceparent: r.traceparent,
  };
}

/**
 * Writes an event in the caller's transaction (the transactional outbox): it exists exactly
 * when the change it describes does. The advisory lock makes positions commit in order, so a
 * reader that has seen position n can never later find a smaller one appear.
 */
export async function publishEvent<P extends Record<string, unknown>>(
  em: EntityManager,
  source: string,
  e: NewEvent<P>,
): Promise<DomainEvent<P>> {
  if (!em.isInTransaction()) throw new Error('publishEvent must run inside the transaction of the change it reports');
  // Group commit (db/group-commit.ts): the lock is released at COMMIT without waiting for the disk; the
  // transaction's caller goes on once the WAL is flushed.
  await em.execute(`select pg_advisory_xact_lock(hashtext(?)), ${COMMIT_WITHOUT_FLUSH}`, [`${source}.outbox`]);
  flushAfterCommit(em);
  const id = randomUUID();
  const occurredAt = e.occurredAt ?? new Date();
  // The writing request's trace travels with the event: consumers and webhook deliveries continue it.
  const traceparent = currentTraceparent();
  const [row]: { position: string }[] = await em.execute(
    `insert into ${source}.outbox (id, type, agency_id, region, subject_id, occurred_at, payload, traceparent)
     values (?, ?, ?, ?, ?, ?, ?::jsonb, ?) returning position`,
    [id, e.type, e.agencyId, e.region, e.subjectId, occurredAt, JSON.stringify(e.payload), traceparent],
  );
  // Delivered at commit only; a rolled-back change wakes nobody.
  await em.execute(`select pg_notify(?, ?)`, [EVENTS_CHANNEL, source]);
  return { ...e, id, source, occurredAt, position: Number(row.position), traceparent } as DomainEvent<P>;
}

export interface EventFilter {
  after?: number;
  limit: number;
  types?: readonly string[];
  /** Read scope: rows of these agencies or this region. Omit both for all. */
  agencyIds?: readonly string[];
  region?: string;
}

/** Reads a source's events in position order. */
export async function readEvents(em: EntityManager, source: string, f: EventFilter): Promise<DomainEvent[]> {
  const where: string[] = ['position > ?'];
  const params: unknown[] = [f.after ?? 0];
  if (f.types?.length) {
    where.push('type = any(?::text[])');
    params.push(`{${f.types.join(',')}}`);
  }
  if (f.agencyIds || f.region) {
    const scope = scopeSqlOf({ agencyIds: f.agencyIds, region: f.region });
    where.push(scope.sql);
    params.push(...scope.params);
  }
  params.push(f.limit);
  const rows: OutboxRow[] = await em.execute(
    `select * from ${source}.outbox where ${where.join(' and ')} order by position limit ?`,
    params,
  );
  // A position given out must never be given out again: only once what was read is on disk (group-commit.ts).
  if (rows.length) await flushWal(em);
  return rows.map((r) => toEvent(source, r));
}
