import { AGENCY_ROLES, assertCanWrite, type Context, reloaded, requireId, Role } from '@tsp/shared';

import { ListingEntity } from '../entities/index.js';
import { type ListingView, view } from '../read/listings.js';
import { ListingKind } from '../rules/kinds.js';
import {
  type BodyInformationData,
  cleanFields,
  type EnforcementItemData,
  type RandomInspectionItemData,
  type ServiceGuideData,
} from '../rules/listings.js';
import { saveListing } from './save-listing.js';

/** Who may keep an agency's ex-ante lists: its own staff, and the administrator. */
export const LIST_WRITERS = [...AGENCY_ROLES, Role.ADMIN];

/** The agency id, once the caller may write that agency's lists. */
export function listWriter(ctx: Context, agencyId: string): string {
  const id = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, id, LIST_WRITERS);
  return id;
}

/** A repeated Idempotency-Key answers with the list entry, read again. */
export const listingReplay = reloaded(async (ctx, id) => view(await ctx.em.findOneOrFail(ListingEntity, { id })));

/** 行政执法事项 Creates (no id) or changes an enforcement item; each change is a new version. */
export async function upsertEnforcementItem(
  ctx: Context,
  agencyId: string,
  input: EnforcementItemData,
  id?: string | null,
): Promise<ListingView<EnforcementItemData>> {
  const a = listWriter(ctx, agencyId);
  const data = cleanFields<EnforcementItemData>({ ...input }, ['name', 'category', 'legalBasis', 'responsibleBody']);
  const entryId = id && requireId('enforcement item', id);
  return view<EnforcementItemData>(
    await saveListing(ctx.em, {
      agencyId: a,
      kind: ListingKind.ENFORCEMENT_ITEM,
      id: entryId,
      data,
      actor: ctx.identity.sub!,
    }),
  );
}

/** 随机抽查事项 Creates or changes a random-inspection item. */
export async function upsertRandomInspectionItem(
  ctx: Context,
  agencyId: string,
  input: RandomInspectionItemData,
  id?: string | null,
): Promise<ListingView<RandomInspectionItemData>> {
  const a = listWriter(ctx, agencyId);
  const data = cleanFields<RandomInspectionItemData>({ ...input }, [
    'name',
    'inspectingBody',
    'legalBasis',
    'inspectedObjects',
    'content',
    'samplingRatio',
    'method',
    'frequency',
  ]);
  const entryId = id && requireId('random inspection item', id);
  const saved = await saveListing(ctx.em, {
    agencyId: a,
    kind: ListingKind.RANDOM_INSPECTION_ITEM,
    id: entryId,
    data,
    actor: ctx.identity.sub!,
  });
  return view<RandomInspectionItemData>(saved);
}

/** 服务指南 Creates or changes a service guide (fees and accountability may be left empty). */
export async function upsertServiceGuide(
  ctx: Context,
  agencyId: string,
  input: ServiceGuideData,
  id?: string | null,
): Promise<ListingView<ServiceGuideData>> {
  const a = listWriter(ctx, agencyId);
  const data = cleanFields<ServiceGuideData>(
    { ...input },
    [
      'name',
      'category',
      'legalBasis',
      'body',
      'handlingUnit',
      'object',
      'applicationMaterials',
      'process',
      'timeLimit',
      'supervision',
      'remedy',
      'officeHours',
      'address',
      'phone',
    ],
    ['fees', 'accountability'],
  );
  const entryId = id && requireId('service guide', id);
  return view<ServiceGuideData>(
    await saveListing(ctx.em, {
      agencyId: a,
      kind: ListingKind.SERVICE_GUIDE,
      id: entryId,
      data,
      actor: ctx.identity.sub!,
    }),
  );
}

/** 执法主体信息 Sets an agency's body information (one entry per agency, a new version each change). */
export async function upsertAgencyDisclosure(
  ctx: Context,
  agencyId: string,
  input: BodyInformationData,
): Promise<ListingView<BodyInformationData>> {
  const a = listWriter(ctx, agencyId);
  const data = cleanFields<BodyInformationData>({ ...input }, [
    'duties',
    'powers',
    'legalBasis',
    'procedures',
    'supervisionChannels',
    'remedyChannels',
  ]);
  return view<BodyInformationData>(
    await saveListing(ctx.em, {
      agencyId: a,
      kind: ListingKind.BODY_INFORMATION,
      key: 'body',
      data,
      actor: ctx.identity.sub!,
    }),
  );
}
