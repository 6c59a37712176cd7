import { type CaseFacts, recordsClient } from '@tsp/shared';

const records = recordsClient('inspection');

/** A records case's facts, or null when records does not know it. */
export async function caseFacts(id: string): Promise<CaseFacts | null> {
  return (await records.caseFacts([id])).find((c) => c.id === id) ?? null;
}
