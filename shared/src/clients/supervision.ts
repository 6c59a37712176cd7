import type { ServiceName } from '../config.js';
import type { DomainEvent } from '../events/types.js';
import { lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of supervision's internal queries, for any other service. */
export interface SupervisionClient {
  /**
   * supervision's events after a position, in position order (ComplaintSubmitted, SupervisionInstrumentIssued, …; payloads per
   * the schemas in INTEGRATOR_PAYLOAD_SCHEMAS). Every type of its outbox, unscoped: the caller filters.
   */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of supervision's events (0 = none yet). */
  head(): Promise<number>;
}

export function supervisionClient(from: ServiceName): SupervisionClient {
  const client = lazyClient(from, 'supervision');
  return {
    events: (after, limit) => readFeed(client(), 'supervision', after, limit),
    head: () => readFeedHead(client(), 'supervision'),
  };
}
