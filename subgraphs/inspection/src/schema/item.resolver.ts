import { type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { currentItems, inspectionItem, itemRevisions } from '../read/items.js';
import {
  addInspectionItem,
  changeInspectionItem,
  itemReplay,
  retireInspectionItem,
} from '../write/inspection-items.js';
import { InspectionItemInput } from './inputs.js';
import { Agency, InspectionItem, InspectionItemRevision } from './types.js';

@Resolver(() => InspectionItem)
export class InspectionItemResolver {
  @Query(() => [InspectionItem], {
    description: '检查事项清单（公开） The current inspection items of an agency (public, no token needed)',
  })
  inspectionItems(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return currentItems(ctx, agencyId);
  }

  @Query(() => InspectionItem, { description: '检查事项（公开） One inspection item, current or retired (public)' })
  inspectionItem(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '检查事项标识 Item id' }) id: string) {
    return inspectionItem(ctx, id);
  }

  @FieldResolver(() => [InspectionItemRevision], { description: '历史版本 Every version, newest first' })
  revisions(@Root() item: InspectionItem, @Ctx() ctx: Context) {
    return itemRevisions(ctx, item.id);
  }

  @UseMiddleware(Idempotent('inspection', itemReplay))
  @Mutation(() => InspectionItem, {
    description: "新增检查事项 Add an item to an agency's inspection list (agency head or admin)",
  })
  addInspectionItem(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => InspectionItemInput, { description: '检查事项 The item' }) input: InspectionItemInput,
  ) {
    return addInspectionItem(ctx, agencyId, input);
  }

  @UseMiddleware(Idempotent('inspection', itemReplay))
  @Mutation(() => InspectionItem, {
    description: '修改检查事项 Change an item: a new version, the old one kept in its history',
  })
  changeInspectionItem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '检查事项标识 Item id' }) id: string,
    @Arg('input', () => InspectionItemInput, { description: '检查事项 The item as it now reads' })
    input: InspectionItemInput,
    @Arg('note', () => String, { nullable: true, description: '变更说明 Why it changed (kept in the history)' })
    note?: string | null,
  ) {
    return changeInspectionItem(ctx, id, input, note);
  }

  @UseMiddleware(Idempotent('inspection', itemReplay))
  @Mutation(() => InspectionItem, {
    description: '移出检查事项 Take an item off the list; it stays in its history with the reason',
  })
  retireInspectionItem(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '检查事项标识 Item id' }) id: string,
    @Arg('reason', { description: '移出理由 Reason (kept in the history)' }) reason: string,
  ) {
    return retireInspectionItem(ctx, id, reason);
  }
}

@Resolver(() => Agency)
export class AgencyItemsResolver {
  @FieldResolver(() => [InspectionItem], {
    description: '检查事项清单（公开） The current inspection items of the agency (public)',
  })
  inspectionItems(@Root() a: Agency, @Ctx() ctx: Context) {
    return currentItems(ctx, a.id);
  }
}
