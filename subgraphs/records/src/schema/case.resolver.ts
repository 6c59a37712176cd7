import { type Context, DateScalar } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';

import type { CaseEntity } from '../entities/index.js';
import { readableCase } from '../read/access.js';
import { caseOverdue, caseServedOn, partyOfCase } from '../read/case-fields.js';
import { listCases } from '../read/cases.js';
import { load } from '../read/loaders.js';
import { CaseFilter } from './inputs.js';
import {
  Agency,
  CaseDecision,
  DeadlineExtension,
  EnforcementCase,
  EnforcementCaseConnection,
  Officer,
  Party,
  RecordEntry,
} from './types.js';

@Resolver(() => EnforcementCase)
export class CaseResolver {
  @Query(() => EnforcementCase, {
    description:
      '执法案件（本机关、监督机关、受指派的评查人） One case (own agency, supervisor of its region, admin, its assigned case-file evaluator)',
  })
  case(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '执法案件 Case id' }) id: string) {
    return readableCase(ctx, id);
  }

  @Query(() => EnforcementCaseConnection, {
    description: '案件列表（按立案时间倒序，限可见范围） Cases the caller may read, newest filing first',
  })
  cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true, description: '筛选条件 Filter' }) filter?: CaseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (≤200, default 50)' })
    first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor' }) after?: string | null,
  ) {
    return listCases(ctx, filter, first, after);
  }

  @FieldResolver(() => Agency, { description: '执法主体 Agency' })
  agency(@Root() c: CaseEntity) {
    return { id: c.agencyId };
  }

  @FieldResolver(() => Party, {
    description: '当事人 Party (ID number and contact only for the owning agency and its supervisor)',
  })
  party(@Root() c: CaseEntity, @Ctx() ctx: Context): Party {
    return partyOfCase(ctx, c);
  }

  @FieldResolver(() => [Officer], { description: '承办人 Handlers' })
  handlers(@Root() c: CaseEntity) {
    return c.handlerIds.map((id) => ({ id }));
  }

  @FieldResolver(() => [RecordEntry], { description: '全过程记录 Entries, in order' })
  entries(@Root() c: CaseEntity, @Ctx() ctx: Context) {
    return load.entriesOfCase(ctx).load(c.id);
  }

  @FieldResolver(() => CaseDecision, { nullable: true, description: '执法决定 Decision, once recorded' })
  decision(@Root() c: CaseEntity, @Ctx() ctx: Context) {
    return load.decision(ctx).load(c.id);
  }

  @FieldResolver(() => [DeadlineExtension], { description: '办案期限延长记录 Deadline extensions' })
  decisionDeadlineExtensions(@Root() c: CaseEntity, @Ctx() ctx: Context) {
    return load.extensions(ctx).load(c.id);
  }

  @FieldResolver(() => Boolean, { description: '是否超期未决 Past the decision deadline without a decision' })
  overdue(@Root() c: CaseEntity) {
    return caseOverdue(c);
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description: '送达日期 Day the decision was first served (Asia/Shanghai); null until served',
  })
  servedOn(@Root() c: CaseEntity): string | null {
    return caseServedOn(c);
  }
}
