import { InternalClient, notFound, type Context } from '@tsp/shared';

/**
 * An agency's region, for scoping rows this subgraph creates itself (inspection results): from the rows
 * it already holds, else from personnel (agencyFacts), failing closed.
 */
export async function regionOf(ctx: Context, agencyId: string): Promise<string> {
  const rows: { region: string }[] = await ctx.em.execute(`select region from disclosure.publication where agency_id = ? limit 1`, [agencyId]);
  if (rows.length) return rows[0].region;
  const data = await new InternalClient('disclosure', 'personnel').request<{ agencyFacts: { id: string; region: string }[] }>(
    `query($ids:[ID!]!){ agencyFacts(ids:$ids){ id region } }`, { ids: [agencyId] },
  );
  const a = data.agencyFacts.find((x) => x.id === agencyId);
  if (!a) throw notFound('agency', agencyId);
  return a.region;
}
