import { personnelClient } from '@tsp/shared';

const personnel = personnelClient('disclosure');

/** The region personnel holds for an agency; null when personnel does not know the agency. */
export async function agencyRegion(agencyId: string): Promise<string | null> {
  return (await personnel.agencyFacts([agencyId])).find((a) => a.id === agencyId)?.region ?? null;
}
