/** An event as stored in its source's outbox and delivered to consumers. */
export interface DomainEvent<P = Record<string, unknown>> {
  /** Unique id; consumers deduplicate on it. */
  id: string;
  /** Producing subgraph (= its schema name). */
  source: string;
  type: string;
  agencyId: string;
  region: string;
  subjectId: string;
  occurredAt: Date;
  payload: P;
  /** Monotonically increasing per source, in commit order. */
  position: number;
  /** W3C trace context of the request that wrote it (null when that process did not trace). */
  traceparent?: string | null;
}

export type NewEvent<P = Record<string, unknown>> = Pick<
  DomainEvent<P>,
  'type' | 'agencyId' | 'region' | 'subjectId' | 'payload'
> & {
  occurredAt?: Date;
};

/** Channel every producer notifies on commit; the payload is the source name. */
export const EVENTS_CHANNEL = 'tsp_events';
