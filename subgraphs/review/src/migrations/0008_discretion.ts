import { Migration } from '@mikro-orm/migrations';

/**
 * 裁量基准 The discretion benchmark a proposal applies (国办发〔2022〕27号) and what the check found, kept as it was at
 * submission (benchmark, version, tier and range, circumstances, departures, exemption, reason). Null: the proposal
 * named none, as every review before this did.
 */
export class ReviewDiscretion extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table review.legal_review add column discretion jsonb
      check (discretion is null or (jsonb_typeof(discretion) = 'object'
        and discretion ? 'benchmarkId' and discretion ? 'tier' and jsonb_typeof(discretion->'departures') = 'array'))`);
    this.addSql(`comment on column review.legal_review.discretion is
      'The discretion benchmark the proposal applies and the check of the proposal against it, at submission'`);
  }
}
