import { type CaseFacts, type Context, recordsClient } from '@tsp/shared';

export type { CaseFacts };

export const records = recordsClient('review');

/** Case facts by id, one call per request however many cases ask (DEPENDENCY_UNAVAILABLE if records is down). */
export function caseFacts(ctx: Context, id: string): Promise<CaseFacts | null> {
  return ctx.loaders
    .get<string, CaseFacts | null>('caseFacts', async (ids) => {
      const rows = await records.caseFacts(ids);
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(id);
}
