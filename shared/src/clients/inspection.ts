import type { ServiceName } from '../config.js';
import type { DomainEvent } from '../events/types.js';
import { lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of inspection's internal queries, for any other service. */
export interface InspectionClient {
  /**
   * inspection's events after a position, in position order (InspectionPlanned, InspectionApproved, …; payloads
   * per InspectionEventPayloadSchema). Every type of its outbox, unscoped: the caller filters.
   */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of inspection's events (0 = none yet): where a reader that wants only new ones starts. */
  head(): Promise<number>;
}

export function inspectionClient(from: ServiceName): InspectionClient {
  const client = lazyClient(from, 'inspection');
  return {
    events: (after, limit) => readFeed(client(), 'inspection', after, limit),
    head: () => readFeedHead(client(), 'inspection'),
  };
}
