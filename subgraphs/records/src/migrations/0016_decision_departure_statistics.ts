import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics on how many decisions departed from the discretion benchmark. Without them PostgreSQL guesses a
 * third of all decisions for `cardinality(discretion_departures) > 0` and, for a region's findings, hashed every
 * case of the region (20,000 at province scale, 50 ms) against them instead of reading the few departed
 * decisions from case_decision_departed_idx (migration 0013) and their cases by key (0.1 ms). Analyzed here so
 * the estimate holds from the first request; autovacuum keeps it current.
 */
export class RecordsDecisionDepartureStatistics extends Migration {
  async up(): Promise<void> {
    this.addSql(`create statistics if not exists records.case_decision_departures_stat
      on (cardinality(discretion_departures)) from records.case_decision`);
    this.addSql(`analyze records.case_decision`);
  }
}
