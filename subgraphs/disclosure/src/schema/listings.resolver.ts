import { asAnswer, type Context, EnforcementCategory, Idempotent } from '@tsp/shared';
import {
  Arg,
  type ClassType,
  Ctx,
  FieldResolver,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
  UseMiddleware,
} from 'type-graphql';

import {
  agencyDisclosure,
  enforcementItems,
  listingRevisions,
  processFlowcharts,
  randomInspectionItems,
  serviceGuides,
} from '../read/listings.js';
import {
  listingReplay,
  upsertAgencyDisclosure,
  upsertEnforcementItem,
  upsertRandomInspectionItem,
  upsertServiceGuide,
} from '../write/listings.js';
import { setProcessSteps } from '../write/process-steps.js';
import { retireListEntry } from '../write/retire-list-entry.js';
import {
  AgencyDisclosureInput,
  EnforcementItemInput,
  ProcessStepInput,
  RandomInspectionItemInput,
  ServiceGuideInput,
} from './inputs.js';
import {
  Agency,
  AgencyDisclosure,
  DiscretionBenchmark,
  EnforcementItem,
  ListingRevision,
  ProcessFlowchart,
  RandomInspectionItem,
  ServiceGuide,
} from './types.js';

@Resolver()
export class ListingsResolver {
  @Query(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return enforcementItems(ctx, agencyId);
  }

  @Query(() => [RandomInspectionItem], { description: '随机抽查事项清单（公开） Random-inspection item list (public)' })
  randomInspectionItems(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return randomInspectionItems(ctx, agencyId);
  }

  @Query(() => [ServiceGuide], { description: '服务指南（公开） Service guides (public)' })
  serviceGuides(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return serviceGuides(ctx, agencyId);
  }

  @Query(() => AgencyDisclosure, {
    nullable: true,
    description: '执法主体信息（公开） Body information of an agency (public); null until published',
  })
  agencyDisclosure(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return agencyDisclosure(ctx, agencyId);
  }

  @Query(() => [ProcessFlowchart], {
    description: '执法流程图（公开） Process flowcharts of an agency, one per category (public)',
  })
  processFlowcharts(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return processFlowcharts(ctx, agencyId);
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => EnforcementItem, {
    description: '新增或修改行政执法事项 Create (no id) or change an enforcement item; each change is a new version',
  })
  upsertEnforcementItem(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => EnforcementItemInput, { description: '执法事项 The item' }) input: EnforcementItemInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' })
    id?: string | null,
  ) {
    return upsertEnforcementItem(ctx, agencyId, input, id);
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => RandomInspectionItem, {
    description: '新增或修改随机抽查事项 Create or change a random-inspection item',
  })
  upsertRandomInspectionItem(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => RandomInspectionItemInput, { description: '抽查事项 The item' })
    input: RandomInspectionItemInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' })
    id?: string | null,
  ) {
    return upsertRandomInspectionItem(ctx, agencyId, input, id);
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => ServiceGuide, { description: '新增或修改服务指南 Create or change a service guide' })
  upsertServiceGuide(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => ServiceGuideInput, { description: '服务指南 The guide' }) input: ServiceGuideInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' })
    id?: string | null,
  ) {
    return upsertServiceGuide(ctx, agencyId, input, id);
  }

  @UseMiddleware(Idempotent('disclosure', listingReplay))
  @Mutation(() => AgencyDisclosure, {
    description: '更新执法主体信息 Set the body information of an agency (a new version)',
  })
  upsertAgencyDisclosure(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => AgencyDisclosureInput, { description: '主体信息 The body information' })
    input: AgencyDisclosureInput,
  ) {
    return upsertAgencyDisclosure(ctx, agencyId, input);
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => ProcessFlowchart, {
    description: '配置执法流程 Configure the process steps of a category; the flowchart is drawn from them',
  })
  setProcessSteps(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('category', () => EnforcementCategory, { description: '执法类别 Category' }) category: EnforcementCategory,
    @Arg('steps', () => [ProcessStepInput], { description: '流程步骤 Steps, in order' }) steps: ProcessStepInput[],
  ) {
    return setProcessSteps(ctx, agencyId, category, steps);
  }

  @UseMiddleware(Idempotent('disclosure', asAnswer()))
  @Mutation(() => Boolean, {
    description:
      '移出清单 Take an item, inspection item, guide or discretion benchmark off the public list (kept in its history)',
  })
  retireListEntry(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '清单条目标识 Entry id' }) id: string,
    @Arg('reason', { description: '移出理由 Reason (kept in the history)' }) reason: string,
  ) {
    return retireListEntry(ctx, id, reason);
  }
}

@Resolver(() => Agency)
export class AgencyListingsResolver {
  @FieldResolver(() => [EnforcementItem], { description: '行政执法事项清单（公开） Enforcement item list (public)' })
  enforcementItems(@Root() a: Agency, @Ctx() ctx: Context) {
    return enforcementItems(ctx, a.id);
  }
}

/** `revisions` of a versioned list type, batched. */
function revisionsResolver(cls: ClassType) {
  @Resolver(() => cls)
  class VersionedRevisions {
    @FieldResolver(() => [ListingRevision], { description: '历史版本 Every version, newest first' })
    revisions(@Root() r: { id: string }, @Ctx() ctx: Context) {
      return listingRevisions(ctx, r.id);
    }
  }
  return VersionedRevisions;
}
export const ListingRevisionResolvers = [
  EnforcementItem,
  RandomInspectionItem,
  ServiceGuide,
  AgencyDisclosure,
  DiscretionBenchmark,
].map(revisionsResolver);
