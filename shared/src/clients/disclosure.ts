import type { ServiceName } from '../config.js';
import { type DiscretionBenchmark, DiscretionBenchmarkSchema } from '../contracts/discretion.js';
import { ask, lazyClient } from './answer.js';

/** The typed client of disclosure's queries, for any other service. */
export interface DisclosureClient {
  /**
   * 裁量基准 A discretion benchmark by id as published now (retired ones too, with `active: false`), for a
   * decision to be checked against it; null when there is no such benchmark.
   */
  discretionBenchmark(id: string): Promise<DiscretionBenchmark | null>;
}

const BENCHMARK = `query($id: ID!) { discretionBenchmark(id: $id) { id agencyId enforcementItemId violation legalBasis
  tiers { tier circumstances minFine maxFine } minorExemption firstViolationExemption active version } }`;

export function disclosureClient(from: ServiceName): DisclosureClient {
  const client = lazyClient(from, 'disclosure');
  return {
    discretionBenchmark: (id) =>
      ask(client(), 'disclosure', 'discretionBenchmark', BENCHMARK, { id }, DiscretionBenchmarkSchema.nullable()),
  };
}
