import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, type ClassType, UseMiddleware } from 'type-graphql';
import {
  AGENCY_ROLES, Role, assertCanWrite, CATEGORY_NAMES_ZH, EnforcementCategory, notFound, requireId, type Context, Idempotent, asAnswer, reloaded,
} from '@tsp/shared';
import { ListingEntity } from '../entities/index.js';
import { ListingKind } from '../rules/kinds.js';
import {
  cleanFields, cleanSteps, type BodyInformationData, type EnforcementItemData, type ProcessData, type RandomInspectionItemData, type ServiceGuideData,
} from '../rules/listings.js';
import { DEFAULT_STEPS, flowchartMermaid } from '../rules/flowchart.js';
import { retireListing, saveListing, view } from '../store/listings.js';
import { requireReason } from '../rules/publication.js';
import {
  Agency, AgencyDisclosure, EnforcementItem, ListingRevision, ProcessFlowchart, RandomInspectionItem, ServiceGuide,
} from './types.js';
import {
  AgencyDisclosureInput, EnforcementItemInput, ProcessStepInput, RandomInspectionItemInput, ServiceGuideInput,
} from './inputs.js';
import { load } from './loaders.js';

const WRITERS = [...AGENCY_ROLES, Role.ADMIN];

async function listOf<T>(ctx: Context, kind: ListingKind, agencyId: string) {
  return (await load.listings(ctx, kind).load(requireId('agency', agencyId))).map((l) => view<T>(l));
}

function writer(ctx: Context, agencyId: string): string {
  const id = requireId('agency', agencyId);
  assertCanWrite(ctx.identity, id, WRITERS);
  return id;
}

/** A repeated Idempotency-Key answers with the list entry, read again. */
const listingReplay = reloaded(async (ctx, id) => view<object>(await ctx.em.findOneOrFail(ListingEntity, { id })));

export const flowchartSvgPath = (agencyId: string, category: EnforcementCategory) => `/flowcharts/${agencyId}/${category}.svg`;

/** The flowchart of a category: the agency's configured steps, or the default ones. */
export function flowchartView(agencyId: string, category: EnforcementCategory, l: ListingEntity | null): ProcessFlowchart {
  const steps = l ? (l.data as unknown as ProcessData).steps : [...DEFAULT_STEPS[category]];
  return {
    agencyId, category, steps, isDefault: !l, version: l?.version ?? 0, updatedAt: l?.updatedAt ?? null,
    flowchartMermaid: flowchartMermaid(`${CATEGORY_NAMES_ZH[category]}流程图`, steps),
    flowchartSvgPath: flowchartSvgPath(agencyId, category),
  };
}

@Resolver()
export class ListingsResolver {
  @Query(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    return listOf<EnforcementItemData>(ctx, ListingKind.ENFORCEMENT_ITEM, agencyId);
  }

  @Query(() => [RandomInspectionItem], { description: '随机抽查事项清单（公开） Random-inspection item list (public)' })
  randomInspectionItems(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    return listOf<RandomInspectionItemData>(ctx, ListingKind.RANDOM_INSPECTION_ITEM, agencyId);
  }

  @Query(() => [ServiceGuide], { description: '服务指南（公开） Service guides (public)' })
  serviceGuides(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    return listOf<ServiceGuideData>(ctx, ListingKind.SERVICE_GUIDE, agencyId);
  }

  @Query(() => AgencyDisclosure, { nullable: true, description: '执法主体信息（公开） Body information of an agency (public); null until published' })
  async agencyDisclosure(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    return (await listOf<BodyInformationData>(ctx, ListingKind.BODY_INFORMATION, agencyId))[0] ?? null;
  }

  @Query(() => [ProcessFlowchart], { description: '执法流程图（公开） Process flowcharts of an agency, one per category (public)' })
  async processFlowcharts(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    const id = requireId('agency', agencyId);
    const configured = await load.listings(ctx, ListingKind.PROCESS).load(id);
    return Object.values(EnforcementCategory).map((c) => flowchartView(id, c, configured.find((l) => l.key === c) ?? null));
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => EnforcementItem, { description: '新增或修改行政执法事项 Create (no id) or change an enforcement item; each change is a new version' })
  async upsertEnforcementItem(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => EnforcementItemInput, { description: '执法事项 The item' }) input: EnforcementItemInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' }) id?: string | null,
  ) {
    const a = writer(ctx, agencyId);
    const data = cleanFields<EnforcementItemData>({ ...input }, ['name', 'category', 'legalBasis', 'responsibleBody']);
    return view(await saveListing(ctx.em, { agencyId: a, kind: ListingKind.ENFORCEMENT_ITEM, id: id && requireId('enforcement item', id), data, actor: ctx.identity.sub! }));
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => RandomInspectionItem, { description: '新增或修改随机抽查事项 Create or change a random-inspection item' })
  async upsertRandomInspectionItem(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => RandomInspectionItemInput, { description: '抽查事项 The item' }) input: RandomInspectionItemInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' }) id?: string | null,
  ) {
    const a = writer(ctx, agencyId);
    const data = cleanFields<RandomInspectionItemData>({ ...input }, ['name', 'inspectingBody', 'legalBasis', 'inspectedObjects', 'content', 'samplingRatio', 'method', 'frequency']);
    return view(await saveListing(ctx.em, { agencyId: a, kind: ListingKind.RANDOM_INSPECTION_ITEM, id: id && requireId('random inspection item', id), data, actor: ctx.identity.sub! }));
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => ServiceGuide, { description: '新增或修改服务指南 Create or change a service guide' })
  async upsertServiceGuide(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => ServiceGuideInput, { description: '服务指南 The guide' }) input: ServiceGuideInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' }) id?: string | null,
  ) {
    const a = writer(ctx, agencyId);
    const data = cleanFields<ServiceGuideData>(
      { ...input },
      ['name', 'category', 'legalBasis', 'body', 'handlingUnit', 'object', 'applicationMaterials', 'process', 'timeLimit', 'supervision', 'remedy', 'officeHours', 'address', 'phone'],
      ['fees', 'accountability'],
    );
    return view(await saveListing(ctx.em, { agencyId: a, kind: ListingKind.SERVICE_GUIDE, id: id && requireId('service guide', id), data, actor: ctx.identity.sub! }));
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => AgencyDisclosure, { description: '更新执法主体信息 Set the body information of an agency (a new version)' })
  async upsertAgencyDisclosure(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => AgencyDisclosureInput, { description: '主体信息 The body information' }) input: AgencyDisclosureInput,
  ) {
    const a = writer(ctx, agencyId);
    const data = cleanFields<BodyInformationData>({ ...input }, ['duties', 'powers', 'legalBasis', 'procedures', 'supervisionChannels', 'remedyChannels']);
    return view(await saveListing(ctx.em, { agencyId: a, kind: ListingKind.BODY_INFORMATION, key: 'body', data, actor: ctx.identity.sub! }));
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => ProcessFlowchart, { description: '配置执法流程 Configure the process steps of a category; the flowchart is drawn from them' })
  async setProcessSteps(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('category', () => EnforcementCategory, { description: '执法类别 Category' }) category: EnforcementCategory,
    @Arg('steps', () => [ProcessStepInput], { description: '流程步骤 Steps, in order' }) steps: ProcessStepInput[],
  ) {
    const a = writer(ctx, agencyId);
    const data: ProcessData = { category, steps: cleanSteps(steps.map((s) => ({ ...s }))) };
    return flowchartView(a, category, await saveListing(ctx.em, { agencyId: a, kind: ListingKind.PROCESS, key: category, data, actor: ctx.identity.sub! }));
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => Boolean, { description: '移出清单 Take an item, inspection item or guide off the public list (kept in its history)' })
  async retireListEntry(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '清单条目标识 Entry id' }) id: string,
    @Arg('reason', { description: '移出理由 Reason (kept in the history)' }) reason: string,
  ) {
    const l = await ctx.em.findOne(ListingEntity, { id: requireId('entry', id) });
    if (!l || !l.active) throw notFound('list entry', id);
    assertCanWrite(ctx.identity, l.agencyId, WRITERS);
    await retireListing(ctx.em, l, ctx.identity.sub!, requireReason('reason', reason));
    return true;
  }
}

@Resolver(() => Agency)
export class AgencyListingsResolver {
  @FieldResolver(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(@Root() a: Agency, @Ctx() ctx: Context) {
    return listOf<EnforcementItemData>(ctx, ListingKind.ENFORCEMENT_ITEM, a.id);
  }
}

/** `revisions` of a versioned list type, batched. */
function revisionsResolver(cls: ClassType) {
  @Resolver(() => cls)
  class VersionedRevisions {
    @FieldResolver(() => [ListingRevision], { description: '历史版本 Every version, newest first' })
    async revisions(@Root() r: { id: string }, @Ctx() ctx: Context): Promise<ListingRevision[]> {
      const rows = await load.listingRevisions(ctx).load(r.id);
      return rows.map((x) => ({ version: x.version, changedAt: x.changedAt, note: x.note, active: x.active, contentJson: JSON.stringify(x.data) }));
    }
  }
  return VersionedRevisions;
}
export const ListingRevisionResolvers = [EnforcementItem, RandomInspectionItem, ServiceGuide, AgencyDisclosure].map(revisionsResolver);
