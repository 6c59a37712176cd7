import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { DateScalar, badInput, isUuid, pageArgs, readFilter, requireId, requireUser, shanghaiDate, toPage, type Context } from '@tsp/shared';
import type { FilterQuery } from '@mikro-orm/core';
import { CaseEntity } from '../entities/index.js';
import { canReadPartyPrivate } from '../rules/party.js';
import { isOverdue } from '../rules/deadlines.js';
import { Agency, CaseDecision, DeadlineExtension, EnforcementCase, EnforcementCaseConnection, Officer, Party, RecordEntry } from './types.js';
import { CaseFilter } from './inputs.js';
import { load } from './loaders.js';
import { readableCase } from './access.js';

const cursorKey = (c: CaseEntity) => `${c.filedAt.toISOString()}|${c.id}`;

@Resolver(() => EnforcementCase)
export class CaseResolver {
  @Query(() => EnforcementCase, { description: '执法案件（本机关、监督机关） One case (own agency, supervisor of its region, admin)' })
  case(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '执法案件 Case id' }) id: string) {
    return readableCase(ctx, id);
  }

  @Query(() => EnforcementCaseConnection, { description: '案件列表（按立案时间倒序，限可见范围） Cases the caller may read, newest filing first' })
  async cases(
    @Ctx() ctx: Context,
    @Arg('filter', () => CaseFilter, { nullable: true, description: '筛选条件 Filter' }) filter?: CaseFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (≤200, default 50)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor' }) after?: string | null,
  ) {
    requireUser(ctx.identity);
    const { limit, after: key } = pageArgs(first, after);
    const where: FilterQuery<CaseEntity>[] = [];
    const scope = readFilter(ctx.identity);
    if (scope) {
      const or: FilterQuery<CaseEntity>[] = [];
      if (scope.agencyIds?.length) or.push({ agencyId: { $in: scope.agencyIds } });
      if (scope.region) or.push({ region: scope.region });
      if (!or.length) return toPage([], limit, cursorKey);
      where.push({ $or: or });
    }
    if (filter?.agencyId) where.push({ agencyId: requireId('agency', filter.agencyId) });
    if (filter?.category) where.push({ category: filter.category });
    if (filter?.stage) where.push({ stage: filter.stage });
    if (filter?.overdue != null) {
      const today = shanghaiDate();
      where.push(filter.overdue ? { decided: false, decisionDueOn: { $lt: today } } : { $or: [{ decided: true }, { decisionDueOn: null }, { decisionDueOn: { $gte: today } }] });
    }
    if (key) {
      const [t, id] = key.split('|');
      const at = new Date(t);
      if (Number.isNaN(at.getTime()) || !isUuid(id ?? '')) throw badInput('after', 'not a cursor this API issued');
      where.push({ $or: [{ filedAt: { $lt: at } }, { filedAt: at, id: { $lt: id } }] });
    }
    const rows = await ctx.em.find(CaseEntity, { $and: where }, { orderBy: [{ filedAt: 'desc' }, { id: 'desc' }], limit: limit + 1 });
    return toPage(rows, limit, cursorKey);
  }

  @FieldResolver(() => Agency, { description: '执法主体 Agency' })
  agency(@Root() c: CaseEntity) {
    return { id: c.agencyId };
  }

  @FieldResolver(() => Party, { description: '当事人 Party (ID number and contact only for the owning agency and its supervisor)' })
  party(@Root() c: CaseEntity, @Ctx() ctx: Context): Party {
    const priv = canReadPartyPrivate(ctx.identity, c);
    return {
      type: c.partyType, name: c.partyName, isMinor: c.partyIsMinor,
      idNumber: priv ? c.partyIdNumber : null,
      contact: priv ? { phone: c.partyPhone, address: c.partyAddress } : null,
    };
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
    return isOverdue({ dueOn: c.decisionDueOn, decided: c.decided }, shanghaiDate());
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: '送达日期 Day the decision was first served (Asia/Shanghai); null until served' })
  servedOn(@Root() c: CaseEntity): string | null {
    return c.servedAt ? shanghaiDate(c.servedAt) : null;
  }
}
