import { z } from 'zod';

import type { ServiceName } from '../config.js';
import { type CaseFacts, CaseFactsSchema } from '../contracts/records.js';
import type { DomainEvent } from '../events/types.js';
import { ask, lazyClient } from './answer.js';
import { readFeed } from './feed.js';

/** The typed client of records' internal queries, for any other service. */
export interface RecordsClient {
  caseFacts(ids: readonly string[]): Promise<CaseFacts[]>;
  /** records' events after a position (DecisionRecorded, CaseOpened, …). */
  events(after: number, limit: number): Promise<DomainEvent[]>;
}

const CASE_FACTS = `query($ids:[ID!]!){ caseFacts(ids:$ids){
  id agencyId region caseNumber category cause partyType partyName handlerIds stage amountInvolved hearingHeld decided } }`;

export function recordsClient(from: ServiceName): RecordsClient {
  const client = lazyClient(from, 'records');
  return {
    caseFacts: (ids) =>
      ids.length
        ? ask(client(), 'records', 'caseFacts', CASE_FACTS, { ids }, z.array(CaseFactsSchema))
        : Promise.resolve([]),
    events: (after, limit) => readFeed(client(), 'records', after, limit),
  };
}
