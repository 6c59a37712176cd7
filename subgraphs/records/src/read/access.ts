import { assertCanRead, canRead, type Context, notFound, requireId, requireUser, type Scoped } from '@tsp/shared';

import { evaluationGrants } from '../clients/supervision.js';
import type { CaseEntity } from '../entities/index.js';
import { load } from './loaders.js';

/**
 * A case the caller may read (own agency, supervisor of its region, admin, integrator scope, services, an evaluator
 * of another agency assigned to its file), else FORBIDDEN / NOT_FOUND.
 */
export async function readableCase(ctx: Context, id: string): Promise<CaseEntity> {
  // Internal services have no role; assertCanRead would call them unauthenticated.
  if (!ctx.identity.service) requireUser(ctx.identity);
  const c = await load.case(ctx).load(requireId('case', id));
  if (!c) throw notFound('case', id);
  if (!ctx.identity.service && !canRead(ctx.identity, c) && !(await evaluatesCase(ctx, c.id)))
    assertCanRead(ctx.identity, c, 'case');
  return c;
}

/** Asked of supervision only when the scope refuses, and once per request. */
async function evaluatesCase(ctx: Context, caseId: string): Promise<boolean> {
  const grants = ctx.loaders.get<string, ReadonlySet<string>>('evaluationGrants', (subs) =>
    Promise.all(subs.map(() => evaluationGrants(ctx.identity))),
  );
  return (await grants.load(ctx.identity.sub ?? '')).has(caseId);
}

/** Whether a signed-in caller may read rows of this scope (the public never may). */
export function mayRead(ctx: Context, s: Scoped): boolean {
  return !!(ctx.identity.role || ctx.identity.service) && canRead(ctx.identity, s);
}
