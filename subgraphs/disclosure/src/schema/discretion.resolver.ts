import { type Context, Idempotent, reloaded } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';

import { ListingEntity } from '../entities/index.js';
import {
  benchmarkView,
  discretionBenchmark,
  discretionBenchmarks,
  itemBenchmarks,
} from '../read/discretion-benchmarks.js';
import { upsertDiscretionBenchmark } from '../write/discretion-benchmark.js';
import { DiscretionBenchmarkInput } from './inputs.js';
import { Agency, DiscretionBenchmark, EnforcementItem } from './types.js';

/** A repeated Idempotency-Key answers with the benchmark, read again. */
const benchmarkReplay = reloaded(async (ctx, id) => benchmarkView(await ctx.em.findOneOrFail(ListingEntity, { id })));

@Resolver()
export class DiscretionBenchmarkResolver {
  @Query(() => [DiscretionBenchmark], {
    description: '行政处罚裁量基准（公开） Discretion benchmarks of an agency on its public list',
  })
  discretionBenchmarks(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
  ) {
    return discretionBenchmarks(ctx, agencyId);
  }

  @Query(() => DiscretionBenchmark, {
    nullable: true,
    description:
      '行政处罚裁量基准（公开） A discretion benchmark by id, retired ones too (active: false); null if none',
  })
  discretionBenchmark(
    @Ctx() ctx: Context,
    @Arg('id', () => ID, { description: '裁量基准标识 Benchmark id' }) id: string,
  ) {
    return discretionBenchmark(ctx, id);
  }

  @UseMiddleware(Idempotent('disclosure', benchmarkReplay))
  @Mutation(() => DiscretionBenchmark, {
    description:
      '新增或修改行政处罚裁量基准 Create (no id) or change the discretion benchmark of a penalty item; each change is a new version',
  })
  upsertDiscretionBenchmark(
    @Ctx() ctx: Context,
    @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string,
    @Arg('input', () => DiscretionBenchmarkInput, { description: '裁量基准 The benchmark' })
    input: DiscretionBenchmarkInput,
    @Arg('id', () => ID, { nullable: true, description: '清单条目标识 Entry to change; null creates one' })
    id?: string | null,
  ) {
    return upsertDiscretionBenchmark(ctx, agencyId, input, id);
  }
}

@Resolver(() => Agency)
export class AgencyDiscretionResolver {
  @FieldResolver(() => [DiscretionBenchmark], {
    description: '行政处罚裁量基准（公开） Discretion benchmarks on the public list',
  })
  discretionBenchmarks(@Root() a: Agency, @Ctx() ctx: Context) {
    return discretionBenchmarks(ctx, a.id);
  }
}

@Resolver(() => EnforcementItem)
export class ItemDiscretionResolver {
  @FieldResolver(() => [DiscretionBenchmark], {
    description: '行政处罚裁量基准（公开） Discretion benchmarks of this item on the public list',
  })
  discretionBenchmarks(@Root() item: EnforcementItem, @Ctx() ctx: Context) {
    return itemBenchmarks(ctx, item);
  }
}
