import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { assertCanRead, canRead, notFound, requireId, type Context } from '@tsp/shared';
import { CaseEntity } from '../entities/index.js';
import { Agency, EnforcementCase } from './types.js';

export async function readableCase(ctx: Context, id: string): Promise<CaseEntity> {
  const c = await ctx.loaders
    .get<string, CaseEntity | null>('case', async (ids) => {
      const rows = await ctx.em.find(CaseEntity, { id: { $in: [...ids] } });
      return ids.map((i) => rows.find((r) => r.id === i) ?? null);
    })
    .load(requireId('case', id));
  if (!c) throw notFound('case', id);
  assertCanRead(ctx.identity, c, 'case');
  return c;
}

@Resolver(() => EnforcementCase)
export class CaseResolver {
  @Query(() => EnforcementCase, { description: '执法案件 One case (own agency, supervisor)' })
  case(@Ctx() ctx: Context, @Arg('id', () => ID) id: string) {
    return readableCase(ctx, id);
  }

  @FieldResolver(() => Agency, { description: '执法主体 Agency' })
  agency(@Root() c: CaseEntity) {
    return { id: c.agencyId };
  }
}

@Resolver(() => Agency)
export class AgencyCasesResolver {
  @FieldResolver(() => Int, { nullable: true, description: '案件数（本机关、监督机关可见） Number of cases; null for callers who may not read them' })
  async caseCount(@Root() a: Agency, @Ctx() ctx: Context) {
    return ctx.loaders
      .get<string, { region: string; n: number } | null>('caseCount', async (ids) => {
        const rows: { agency_id: string; region: string; n: string }[] = await ctx.em.execute(
          `select agency_id, min(region) as region, count(*) as n from records.enforcement_case where agency_id = any(?::uuid[]) group by agency_id`,
          [`{${ids.join(',')}}`],
        );
        return ids.map((id) => {
          const r = rows.find((x) => x.agency_id === id);
          return r ? { region: r.region, n: Number(r.n) } : null;
        });
      })
      .load(a.id)
      .then((r) => (r === null ? (ctx.identity.role ? 0 : null) : canRead(ctx.identity, { agencyId: a.id, region: r.region }) ? r.n : null));
  }
}
