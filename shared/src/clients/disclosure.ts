import type { ServiceName } from '../config.js';
import { type DiscretionBenchmark, DiscretionBenchmarkSchema } from '../contracts/discretion.js';
import type { DomainEvent } from '../events/types.js';
import { ask, lazyClient } from './answer.js';
import { readFeed, readFeedHead } from './feed.js';

/** The typed client of disclosure's queries, for any other service. */
export interface DisclosureClient {
  /**
   * 裁量基准 A discretion benchmark by id as published now (retired ones too, with `active: false`), for a
   * decision to be checked against it; null when there is no such benchmark.
   */
  discretionBenchmark(id: string): Promise<DiscretionBenchmark | null>;
  /** 裁量基准 The agency's benchmarks in force (active), to know whether a penalty decision must name one. */
  discretionBenchmarks(agencyId: string): Promise<DiscretionBenchmark[]>;
  /**
   * disclosure's events after a position, in position order (PublicationPublished, …; payloads per
   * disclosure-contracts.ts). Every type of its outbox, unscoped: the caller filters.
   */
  events(after: number, limit: number): Promise<DomainEvent[]>;
  /** The newest position of disclosure's events (0 = none yet). */
  head(): Promise<number>;
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
    events: (after, limit) => readFeed(client(), 'disclosure', after, limit),
    head: () => readFeedHead(client(), 'disclosure'),
  };
}
