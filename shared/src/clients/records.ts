import { z } from 'zod';

import type { ServiceName } from '../config.js';
import { type ArchivedCaseRef, ArchivedCaseRefSchema, type CaseFacts, CaseFactsSchema } from '../contracts/records.js';
import type { DomainEvent } from '../events/types.js';
import { ask, lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of records' internal queries, for any other service. */
export interface RecordsClient {
  caseFacts(ids: readonly string[]): Promise<CaseFacts[]>;
  /** Cases of a region (or of these of its agencies) archived between two days inclusive, legacy included. */
  archivedCases(q: {
    region: string;
    agencyIds?: readonly string[] | null;
    from: string;
    to: string;
  }): Promise<ArchivedCaseRef[]>;
  /** records' events after a position (DecisionRecorded, CaseOpened, …). */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of records' events (0 = none yet): where a reader that wants only new ones starts. */
  head(): Promise<number>;
}

const CASE_FACTS = `query($ids:[ID!]!){ caseFacts(ids:$ids){
  id agencyId region caseNumber category cause partyType partyName handlerIds stage amountInvolved hearingHeld decided } }`;

const ARCHIVED_CASES = `query($r:String!,$a:[ID!],$f:Date!,$t:Date!){
  archivedCases(region:$r, agencyIds:$a, from:$f, to:$t){ id agencyId caseNumber category archivedOn } }`;

export function recordsClient(from: ServiceName): RecordsClient {
  const client = lazyClient(from, 'records');
  return {
    caseFacts: (ids) =>
      ids.length
        ? ask(client(), 'records', 'caseFacts', CASE_FACTS, { ids }, z.array(CaseFactsSchema))
        : Promise.resolve([]),
    archivedCases: (q) =>
      ask(
        client(),
        'records',
        'archivedCases',
        ARCHIVED_CASES,
        { r: q.region, a: q.agencyIds ?? null, f: q.from, t: q.to },
        z.array(ArchivedCaseRefSchema),
      ),
    events: (after, limit) => readFeed(client(), 'records', after, limit),
    head: () => readFeedHead(client(), 'records'),
  };
}
