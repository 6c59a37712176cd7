import type { Context, ReferenceResolvers, SummaryKey } from '@tsp/shared';

import { summaryReference } from './supervision.resolver.js';

/** Entity references from other subgraphs: Agency's fields here authorise themselves (findings). */
export const references: ReferenceResolvers = {
  Agency: (ref: { id: string }) => ({ id: ref.id }),
  Officer: (ref: { id: string }) => ({ id: ref.id }),
  AgencySupervisionSummary: (ref: SummaryKey, ctx: Context) => summaryReference(ref, ctx),
};
