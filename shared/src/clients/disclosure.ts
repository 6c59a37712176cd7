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
  /** 裁量基准 The agency's benchmarks in force (active), to know whether a penalty decision must name one. */
  discretionBenchmarks(agencyId: string): Promise<DiscretionBenchmark[]>;
}

const FIELDS = `id agencyId enforcementItemId violation legalBasis tiers { tier circumstances minFine maxFine }
  minorExemption firstViolationExemption active version`;
const BENCHMARK = `query($id: ID!) { discretionBenchmark(id: $id) { ${FIELDS} } }`;
const BENCHMARKS = `query($a: ID!) { discretionBenchmarks(agencyId: $a) { ${FIELDS} } }`;

export function disclosureClient(from: ServiceName): DisclosureClient {
  const client = lazyClient(from, 'disclosure');
  return {
    discretionBenchmark: (id) =>
      ask(client(), 'disclosure', 'discretionBenchmark', BENCHMARK, { id }, DiscretionBenchmarkSchema.nullable()),
    discretionBenchmarks: (agencyId) =>
      ask(
        client(),
        'disclosure',
        'discretionBenchmarks',
        BENCHMARKS,
        { a: agencyId },
        DiscretionBenchmarkSchema.array(),
      ),
  };
}
