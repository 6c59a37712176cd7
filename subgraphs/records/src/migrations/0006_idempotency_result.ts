import { Migration } from '@mikro-orm/migrations';

/**
 * The shared Idempotency-Key mechanism keeps a JSON answer (an id, or the answer itself when it is
 * no entity) instead of a uuid, so records' table takes the shape every subgraph's has.
 */
export class RecordsIdempotencyResult extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table records.idempotency add column result jsonb`);
    this.addSql(`update records.idempotency set result = to_jsonb(result_id::text)`);
    this.addSql(`alter table records.idempotency alter column result set not null, drop column result_id`);
  }
}
