import { Migration } from '@mikro-orm/migrations';
import { outboxTraceparentSql } from '@tsp/shared';

/**
 * 追踪上下文 The W3C traceparent of the request that wrote each event consumers and
 * webhook deliveries continue that trace. Null for events written before, or by a process that does not trace.
 */
export class ReviewOutboxTraceparent extends Migration {
  async up(): Promise<void> {
    for (const sql of outboxTraceparentSql('review')) this.addSql(sql);
  }
}
