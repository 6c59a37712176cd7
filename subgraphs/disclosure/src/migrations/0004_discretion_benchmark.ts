import { Migration } from '@mikro-orm/migrations';

/** 行政处罚裁量基准 Discretion benchmarks are one more kind of the versioned ex-ante store: the kind check allows it. */
export class DisclosureDiscretionBenchmark extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table disclosure.listing drop constraint listing_kind_check,
      add constraint listing_kind_check check (kind in
        ('ENFORCEMENT_ITEM','RANDOM_INSPECTION_ITEM','SERVICE_GUIDE','BODY_INFORMATION','PROCESS','DISCRETION_BENCHMARK'))`);
  }
}
