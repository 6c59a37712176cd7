import { authorizeSummary, type Context, countFindings, type FindingCount, type SummaryKey } from '@tsp/shared';

import { agencyLoad } from './agency-loaders.js';

/** 监督统计 This subgraph's findings of the summary's agency, counted per kind and category in its period. */
export async function recordsSummary(ctx: Context, s: SummaryKey): Promise<FindingCount[]> {
  return countFindings(await agencyLoad.findings(ctx).load(s.agencyId), s.from, s.to);
}

/** The summary as a federated reference, authorised like the root field. */
export const summaryReference = (ref: SummaryKey, ctx: Context) => authorizeSummary(ctx.identity, ref);
