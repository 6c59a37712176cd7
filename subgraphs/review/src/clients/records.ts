import { InternalClient, subgraphUrl, type Context, type EnforcementCategory, type PartyType } from '@tsp/shared';

/** records' internal `caseFacts` query: what review needs to know about a case. */
export interface CaseFacts {
  id: string;
  agencyId: string;
  region: string;
  caseNumber: string;
  category: EnforcementCategory;
  cause: string;
  partyType: PartyType;
  partyName: string;
  handlerIds: string[];
  stage: string;
  amountInvolved: string | null;
  hearingHeld: boolean;
  decided: boolean;
}

const CASE_FACTS = `query($ids: [ID!]!) { caseFacts(ids: $ids) {
  id agencyId region caseNumber category cause partyType partyName handlerIds stage amountInvolved hearingHeld decided } }`;

let client: InternalClient | undefined;
let clientUrl: string | undefined;
export function records(): InternalClient {
  // The URL is read per call so a restarted records (tests) is found at its new address.
  const url = subgraphUrl('records');
  if (!client || url !== clientUrl) {
    client = new InternalClient('review', 'records');
    clientUrl = url;
  }
  return client;
}

/** Case facts by id, one call per request however many cases ask (DEPENDENCY_UNAVAILABLE if records is down). */
export function caseFacts(ctx: Context, id: string): Promise<CaseFacts | null> {
  return ctx.loaders
    .get<string, CaseFacts | null>('caseFacts', async (ids) => {
      const { caseFacts: rows } = await records().request<{ caseFacts: CaseFacts[] }>(CASE_FACTS, { ids: [...ids] });
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}

/** Case facts outside a request (the event consumer). */
export async function caseFactsNow(ids: string[]): Promise<CaseFacts[]> {
  const { caseFacts: rows } = await records().request<{ caseFacts: CaseFacts[] }>(CASE_FACTS, { ids });
  return rows;
}
