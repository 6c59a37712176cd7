import type { FilterQuery } from '@mikro-orm/core';
import {
  badInput,
  type Context,
  type EnforcementCategory,
  isUuid,
  type Page,
  pageArgs,
  requireId,
  requireUser,
  type ScopeCondition,
  scopeWhere,
  shanghaiDate,
  toPage,
} from '@tsp/shared';

import { CaseEntity } from '../entities/index.js';
import type { CaseStage } from '../rules/kinds.js';

export interface CaseFilterLike {
  agencyId?: string | null;
  category?: EnforcementCategory | null;
  stage?: CaseStage | null;
  overdue?: boolean | null;
}

const cursorKey = (c: CaseEntity) => `${c.filedAt.toISOString()}|${c.id}`;

/** A scope with no agency and no region: the list is empty without asking the database. */
const seesNothing = (s: ScopeCondition): boolean => 'agencyId' in s && s.agencyId.$in.length === 0;

/** 案件列表 Cases the caller may read (scopeWhere), filtered, newest filing first, one statement per page. */
export async function listCases(
  ctx: Context,
  filter: CaseFilterLike | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<CaseEntity>> {
  requireUser(ctx.identity);
  const { limit, after: key } = pageArgs(first, after);
  const scope = scopeWhere(ctx.identity);
  if (seesNothing(scope)) return toPage([], limit, cursorKey);
  const where: FilterQuery<CaseEntity>[] = [scope];
  if (filter?.agencyId) where.push({ agencyId: requireId('agency', filter.agencyId) });
  if (filter?.category) where.push({ category: filter.category });
  if (filter?.stage) where.push({ stage: filter.stage });
  if (filter?.overdue != null) {
    // The query form of isOverdue (rules/deadlines.ts): undecided and past the due day.
    const today = shanghaiDate();
    where.push(
      filter.overdue
        ? { decided: false, decisionDueOn: { $lt: today } }
        : { $or: [{ decided: true }, { decisionDueOn: null }, { decisionDueOn: { $gte: today } }] },
    );
  }
  if (key) {
    const [t, id] = key.split('|');
    const at = new Date(t);
    if (Number.isNaN(at.getTime()) || !isUuid(id ?? '')) throw badInput('after', 'not a cursor this API issued');
    where.push({ $or: [{ filedAt: { $lt: at } }, { filedAt: at, id: { $lt: id } }] });
  }
  const rows = await ctx.em.find(
    CaseEntity,
    { $and: where },
    {
      orderBy: [{ filedAt: 'desc' }, { id: 'desc' }],
      limit: limit + 1,
    },
  );
  return toPage(rows, limit, cursorKey);
}
