import { InternalClient, subgraphUrl, type Context } from '@tsp/shared';

export interface OfficerFacts {
  id: string;
  agencyId: string;
  name: string;
  roles: string[];
  legalProfessionQualified: boolean;
}

export interface AgencyFacts {
  id: string;
  name: string;
  region: string;
}

let client: InternalClient | undefined;
let clientUrl: string | undefined;
function personnel(): InternalClient {
  const url = subgraphUrl('personnel');
  if (!client || url !== clientUrl) {
    client = new InternalClient('review', 'personnel');
    clientUrl = url;
  }
  return client;
}

/** personnel's `officerFacts` for one officer (null if unknown). */
export async function officerFacts(ctx: Context, id: string): Promise<OfficerFacts | null> {
  return ctx.loaders
    .get<string, OfficerFacts | null>('officerFacts', async (ids) => {
      const { officerFacts: rows } = await personnel().request<{ officerFacts: OfficerFacts[] }>(
        `query($ids: [ID!]!) { officerFacts(ids: $ids) { id agencyId name roles legalProfessionQualified } }`,
        { ids: [...ids] },
      );
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}

/** personnel's `agencyFacts` for one agency (null if unknown): review needs the region to scope rows. */
export async function agencyFacts(ctx: Context, id: string): Promise<AgencyFacts | null> {
  return ctx.loaders
    .get<string, AgencyFacts | null>('agencyFacts', async (ids) => {
      const { agencyFacts: rows } = await personnel().request<{ agencyFacts: AgencyFacts[] }>(
        `query($ids: [ID!]!) { agencyFacts(ids: $ids) { id name region } }`,
        { ids: [...ids] },
      );
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}
