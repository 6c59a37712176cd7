import { type AgencyFacts, type Context, type OfficerFacts, personnelClient } from '@tsp/shared';

export type { AgencyFacts, OfficerFacts };

/** personnel's internal queries with review's service token; its feed gives webhook deliveries of credential events. */
export const personnel = personnelClient('review');

/** personnel's `officerFacts` for one officer (null if unknown), one call per request however many ask. */
export function officerFacts(ctx: Context, id: string): Promise<OfficerFacts | null> {
  return ctx.loaders
    .get<string, OfficerFacts | null>('officerFacts', async (ids) => {
      const rows = await personnel.officerFacts(ids);
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}

/** personnel's `agencyFacts` for one agency (null if unknown): review needs the region to scope rows. */
export function agencyFacts(ctx: Context, id: string): Promise<AgencyFacts | null> {
  return ctx.loaders
    .get<string, AgencyFacts | null>('agencyFacts', async (ids) => {
      const rows = await personnel.agencyFacts(ids);
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}
