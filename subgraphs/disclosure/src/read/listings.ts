import { CATEGORY_NAMES_ZH, type Context, EnforcementCategory, requireId } from '@tsp/shared';

import type { ListingEntity } from '../entities/index.js';
import { DEFAULT_STEPS, flowchartMermaid, type ProcessStep } from '../rules/flowchart.js';
import { ListingKind } from '../rules/kinds.js';
import {
  type BodyInformationData,
  type EnforcementItemData,
  isProcessData,
  type ListingData,
  type RandomInspectionItemData,
  type ServiceGuideData,
} from '../rules/listings.js';
import { load } from './loaders.js';

/** An entry as served: its kind's fields plus id, agency, version and change date. */
export type ListingView<T extends ListingData> = T & { id: string; agencyId: string; version: number; updatedAt: Date };

/** The public view of an entry. The caller names the kind it loaded, so `data` holds that kind's fields. */
export function view<T extends ListingData>(l: ListingEntity): ListingView<T> {
  return { ...(l.data as T), id: l.id, agencyId: l.agencyId, version: l.version, updatedAt: l.updatedAt };
}

/** An agency's active entries of one kind, oldest first (batched per kind). */
async function listOf<T extends ListingData>(
  ctx: Context,
  kind: ListingKind,
  agencyId: string,
): Promise<ListingView<T>[]> {
  return (await load.listings(ctx, kind).load(requireId('agency', agencyId))).map((l) => view<T>(l));
}

export const enforcementItems = (ctx: Context, agencyId: string) =>
  listOf<EnforcementItemData>(ctx, ListingKind.ENFORCEMENT_ITEM, agencyId);

export const randomInspectionItems = (ctx: Context, agencyId: string) =>
  listOf<RandomInspectionItemData>(ctx, ListingKind.RANDOM_INSPECTION_ITEM, agencyId);

export const serviceGuides = (ctx: Context, agencyId: string) =>
  listOf<ServiceGuideData>(ctx, ListingKind.SERVICE_GUIDE, agencyId);

/** The agency's body information; null until published. */
export async function agencyDisclosure(
  ctx: Context,
  agencyId: string,
): Promise<ListingView<BodyInformationData> | null> {
  return (await listOf<BodyInformationData>(ctx, ListingKind.BODY_INFORMATION, agencyId))[0] ?? null;
}

/** The steps a PROCESS entry holds; any other content is a stored row this service did not write. */
export function processSteps(l: ListingEntity): ProcessStep[] {
  if (!isProcessData(l.data)) throw new Error(`listing ${l.id} holds no process steps`);
  return l.data.steps;
}

export const flowchartSvgPath = (agencyId: string, category: EnforcementCategory) =>
  `/flowcharts/${agencyId}/${category}.svg`;

export interface FlowchartView {
  agencyId: string;
  category: EnforcementCategory;
  steps: ProcessStep[];
  isDefault: boolean;
  version: number;
  updatedAt: Date | null;
  flowchartMermaid: string;
  flowchartSvgPath: string;
}

/** The flowchart of a category: the agency's configured steps, or the default ones. */
export function flowchartView(agencyId: string, category: EnforcementCategory, l: ListingEntity | null): FlowchartView {
  const steps = l ? processSteps(l) : [...DEFAULT_STEPS[category]];
  return {
    agencyId,
    category,
    steps,
    isDefault: !l,
    version: l?.version ?? 0,
    updatedAt: l?.updatedAt ?? null,
    flowchartMermaid: flowchartMermaid(`${CATEGORY_NAMES_ZH[category]}流程图`, steps),
    flowchartSvgPath: flowchartSvgPath(agencyId, category),
  };
}

/** One flowchart per category for an agency: configured or default. */
export async function processFlowcharts(ctx: Context, agencyId: string): Promise<FlowchartView[]> {
  const id = requireId('agency', agencyId);
  const configured = await load.listings(ctx, ListingKind.PROCESS).load(id);
  return Object.values(EnforcementCategory).map((c) =>
    flowchartView(id, c, configured.find((l) => l.key === c) ?? null),
  );
}

export interface ListingRevisionView {
  version: number;
  changedAt: Date;
  note: string;
  active: boolean;
  contentJson: string;
}

/** Every version of an entry, newest first (batched). */
export async function listingRevisions(ctx: Context, listingId: string): Promise<ListingRevisionView[]> {
  const rows = await load.listingRevisions(ctx).load(listingId);
  return rows.map((x) => ({
    version: x.version,
    changedAt: x.changedAt,
    note: x.note,
    active: x.active,
    contentJson: JSON.stringify(x.data),
  }));
}
