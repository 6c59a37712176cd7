import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { badInput, isUuid, pageArgs, requireUser, shanghaiDate, toPage, type Context } from '@tsp/shared';
import type { PublicationEntity } from '../entities/index.js';
import { effectiveStatus } from '../rules/publication.js';
import { PublicationStatus } from './enums.js';
import { cursorKey, listPublications } from '../store/publications.js';
import { Agency, DecisionPublication, EnforcementCase, PublicationConnection, PublicationRevision } from './types.js';
import { PublicationFilter } from './inputs.js';
import { load } from './loaders.js';
import { mayRead, readablePublication } from './access.js';

function checkCursor(after: string | null): string | null {
  if (!after) return null;
  const [at, id] = after.split('|');
  if (!id || !isUuid(id) || Number.isNaN(Date.parse(at))) throw badInput('after', 'not a cursor this API issued');
  return after;
}

@Resolver(() => DecisionPublication)
export class PublicationResolver {
  @Query(() => PublicationConnection, {
    description:
      '执法决定公示（公开） Published decisions and inspection results, newest first (public). With filter.status: the caller\'s own scope in any status (agency staff, supervisor).',
  })
  async publications(
    @Ctx() ctx: Context,
    @Arg('filter', () => PublicationFilter, { nullable: true, description: '筛选条件 Filter' }) filter?: PublicationFilter | null,
    @Arg('first', () => Int, { nullable: true, description: '条数 Page size (default 20, max 200)' }) first?: number | null,
    @Arg('after', () => String, { nullable: true, description: '游标 Cursor to continue after' }) after?: string | null,
  ) {
    const f = filter ?? {};
    if (f.status) requireUser(ctx.identity);
    if (f.agencyId && !isUuid(f.agencyId)) throw badInput('filter.agencyId', 'not an agency id');
    if (f.decidedFrom && f.decidedTo && f.decidedFrom > f.decidedTo) throw badInput('filter.decidedFrom', 'is after decidedTo');
    const page = pageArgs(first, after, 20);
    const rows = await listPublications(ctx.em, ctx.identity, f, shanghaiDate(), { limit: page.limit, after: checkCursor(page.after) });
    return toPage(rows, page.limit, (p) => cursorKey(p, !!f.status));
  }

  @Query(() => DecisionPublication, { description: '单条公示 One publication: public when published; drafts and withdrawn ones for the agency and its supervisor' })
  publication(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '公示标识 Publication id' }) id: string) {
    return readablePublication(ctx, id);
  }

  @FieldResolver(() => PublicationStatus, { description: '状态 Status (EXPIRED once the publication period is over)' })
  status(@Root() p: PublicationEntity) {
    return effectiveStatus(p, shanghaiDate());
  }

  @FieldResolver(() => Agency, { description: '执法主体 Agency' })
  agency(@Root() p: PublicationEntity) {
    return { id: p.agencyId };
  }

  @FieldResolver(() => EnforcementCase, { nullable: true, description: '执法案件 The case (agency and supervisor can open it)' })
  case(@Root() p: PublicationEntity, @Ctx() ctx: Context) {
    // The case itself is records' to authorize; the link is only shown to those who may read the agency's cases.
    return p.caseId && mayRead(ctx, p) ? { id: p.caseId } : null;
  }

  @FieldResolver(() => [PublicationRevision], { description: '修订记录 History (the public sees revisions made while published)' })
  async revisions(@Root() p: PublicationEntity, @Ctx() ctx: Context) {
    const all = await load.revisions(ctx).load(p.id);
    const mine = mayRead(ctx, p);
    return all.filter((r) => mine || r.public).map((r) => ({ ...r.snapshot, version: r.version, action: r.action, reason: r.reason, at: r.at }));
  }
}
