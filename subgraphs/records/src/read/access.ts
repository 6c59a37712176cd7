import { assertCanRead, canRead, type Context, notFound, requireId, requireUser, type Scoped } from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';
import { load } from './loaders.js';

/** A case the caller may read (own agency, supervisor of its region, admin, integrator scope, services), else FORBIDDEN / NOT_FOUND. */
export async function readableCase(ctx: Context, id: string): Promise<CaseEntity> {
  // Internal services have no role; assertCanRead would call them unauthenticated.
  if (!ctx.identity.service) requireUser(ctx.identity);
  const c = await load.case(ctx).load(requireId('case', id));
  if (!c) throw notFound('case', id);
  if (!ctx.identity.service) assertCanRead(ctx.identity, c, 'case');
  return c;
}

/** Whether a signed-in caller may read rows of this scope (the public never may). */
export function mayRead(ctx: Context, s: Scoped): boolean {
  return !!(ctx.identity.role || ctx.identity.service) && canRead(ctx.identity, s);
}
