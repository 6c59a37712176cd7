import type { Context, ReferenceResolvers, SummaryKey } from '@tsp/shared';

import { referencedEnterprise } from '../read/enterprises.js';
import { referencedInspection } from '../read/inspections.js';
import { referencedItem } from '../read/items.js';
import { summaryReference } from './supervision.resolver.js';

/** Entity references from other subgraphs, batched and authorised like the root fields. */
export const references: ReferenceResolvers = {
  // Agency's fields here are public (the list, the plan) or authorise themselves (findings).
  Agency: (ref: { id: string }) => ({ id: ref.id }),
  Enterprise: (ref: { id: string }, ctx: Context) => referencedEnterprise(ctx, ref.id),
  InspectionItem: (ref: { id: string }, ctx: Context) => referencedItem(ctx, ref.id),
  Inspection: (ref: { id: string }, ctx: Context) => referencedInspection(ctx, ref.id),
  EnforcementCase: (ref: { id: string }) => ({ id: ref.id }),
  AgencySupervisionSummary: (ref: SummaryKey, ctx: Context) => summaryReference(ref, ctx),
};
