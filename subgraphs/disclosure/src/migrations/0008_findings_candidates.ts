import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the two disclosure findings that concern few publications: a withdrawal still pending, and a
 * publication still public though withdrawn. Both used to read every publication of the region through
 * publication_agency_idx and filter (10,000 rows, 11 ms each at province scale); these partial indexes hold only
 * the candidates (read/findings.ts).
 */
export class DisclosureFindingsCandidates extends Migration {
  async up(): Promise<void> {
    this.addSql(`create index publication_withdrawal_due_idx on disclosure.publication (agency_id, withdrawal_due_on)
      where status = 'PUBLISHED' and withdrawal_due_on is not null`);
    this.addSql(`create index publication_withdrawn_idx on disclosure.publication (agency_id)
      where withdrawn_at is not null or withdrawal_reason is not null`);
    this.addSql(`create index publication_revision_withdrawn_idx on disclosure.publication_revision (publication_id)
      where action = 'WITHDRAWN'`);
  }
}
