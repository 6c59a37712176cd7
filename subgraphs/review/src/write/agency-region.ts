import { type Context, notFound } from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';

/** The agency's region (rows are scoped by it); NOT_FOUND for an unknown agency. */
export async function regionOf(ctx: Context, agencyId: string): Promise<string> {
  const a = await agencyFacts(ctx, agencyId);
  if (!a) throw notFound('agency', agencyId);
  return a.region;
}
