import { InternalClient } from '@tsp/shared';

/** The region personnel holds for an agency; null when personnel does not know the agency. */
export async function agencyRegion(agencyId: string): Promise<string | null> {
  // A client per call: the personnel URL comes from the environment, which tests may set after start-up.
  const client = new InternalClient('disclosure', 'personnel');
  const data = await client.request<{ agencyFacts: { id: string; region: string }[] }>(
    `query($ids:[ID!]!){ agencyFacts(ids:$ids){ id region } }`, { ids: [agencyId] },
  );
  return data.agencyFacts.find((x) => x.id === agencyId)?.region ?? null;
}
