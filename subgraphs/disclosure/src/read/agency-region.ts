import { type Context, notFound } from '@tsp/shared';

import { agencyRegion } from '../clients/personnel.js';

/**
 * An agency's region, for scoping rows this subgraph creates itself (inspection results): from the rows
 * it already holds, else from personnel (agencyFacts), failing closed.
 */
export async function regionOf(ctx: Context, agencyId: string): Promise<string> {
  const rows: { region: string }[] = await ctx.em.execute(
    `select region from disclosure.publication where agency_id = ? limit 1`,
    [agencyId],
  );
  if (rows.length) return rows[0].region;
  const region = await agencyRegion(agencyId);
  if (region == null) throw notFound('agency', agencyId);
  return region;
}
