import { z } from 'zod';

import type { ServiceName } from '../config.js';
import {
  type AgencyFacts,
  AgencyFactsSchema,
  type CredentialCheck,
  CredentialCheckSchema,
  type OfficerFacts,
  OfficerFactsSchema,
} from '../contracts/personnel.js';
import type { DomainEvent } from '../events/types.js';
import type { EnforcementCategory } from '../graphql/enums.js';
import { ask, lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of personnel's internal queries, for any other service. */
export interface PersonnelClient {
  officerFacts(ids: readonly string[]): Promise<OfficerFacts[]>;
  agencyFacts(ids: readonly string[]): Promise<AgencyFacts[]>;
  /** Every agency of a region (personnel's public list), e.g. the rows of a region's statistics. */
  regionAgencies(region: string): Promise<AgencyFacts[]>;
  credentialChecks(
    officerIds: readonly string[],
    category: EnforcementCategory,
    region: string,
    day: string,
  ): Promise<CredentialCheck[]>;
  /**
   * personnel's events after a position, in position order (CredentialIssued, CredentialStatusChanged; payloads per
   * personnel-contracts). Every type of its outbox, unscoped: the caller filters.
   */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of personnel's events (0 = none yet). */
  head(): Promise<number>;
}

const OFFICER_FACTS = `query($ids:[ID!]!){ officerFacts(ids:$ids){ id agencyId name roles legalProfessionQualified } }`;
const AGENCY_FACTS = `query($ids:[ID!]!){ agencyFacts(ids:$ids){ id name region } }`;
const REGION_AGENCIES = `query($r:String){ agencies(region:$r){ id name region } }`;
const CREDENTIAL_CHECKS = `query($o:[ID!]!,$c:EnforcementCategory!,$r:String!,$d:Date!){
  credentialChecks(officerIds:$o, category:$c, region:$r, day:$d){ officerId agencyId officerName valid reason credentialNumber } }`;

export function personnelClient(from: ServiceName): PersonnelClient {
  const client = lazyClient(from, 'personnel');
  return {
    officerFacts: (ids) =>
      ids.length
        ? ask(client(), 'personnel', 'officerFacts', OFFICER_FACTS, { ids }, z.array(OfficerFactsSchema))
        : Promise.resolve([]),
    agencyFacts: (ids) =>
      ids.length
        ? ask(client(), 'personnel', 'agencyFacts', AGENCY_FACTS, { ids }, z.array(AgencyFactsSchema))
        : Promise.resolve([]),
    regionAgencies: (region) =>
      ask(client(), 'personnel', 'agencies', REGION_AGENCIES, { r: region }, z.array(AgencyFactsSchema)),
    credentialChecks: (officerIds, category, region, day) =>
      officerIds.length
        ? ask(
            client(),
            'personnel',
            'credentialChecks',
            CREDENTIAL_CHECKS,
            { o: officerIds, c: category, r: region, d: day },
            z.array(CredentialCheckSchema),
          )
        : Promise.resolve([]),
    events: (after, limit) => readFeed(client(), 'personnel', after, limit),
    head: () => readFeedHead(client(), 'personnel'),
  };
}
