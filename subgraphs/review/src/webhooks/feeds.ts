import type { DomainEvent } from '@tsp/shared';

import { disclosure } from '../clients/disclosure.js';
import { inspection } from '../clients/inspection.js';
import { personnel } from '../clients/personnel.js';
import { records } from '../clients/records.js';
import { supervision } from '../clients/supervision.js';
import type { RemoteSource } from './sources.js';

/** What webhook delivery needs of another subgraph's feed: its events in position order, and its head. */
export interface RemoteFeed {
  events(after: number, limit: number): Promise<DomainEvent[]>;
  head(): Promise<number>;
}

const FEEDS: Record<RemoteSource, RemoteFeed> = { inspection, records, supervision, disclosure, personnel };

export const remoteFeed = (source: RemoteSource): RemoteFeed => FEEDS[source];
