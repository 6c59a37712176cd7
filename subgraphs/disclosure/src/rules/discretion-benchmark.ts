import { badInput, type DiscretionBenchmarkTier, DiscretionTier, normalizeDecimal } from '@tsp/shared';

import { cleanFields } from './listings.js';

/**
 * 行政处罚裁量基准 A discretion benchmark as kept in the ex-ante store (国办发〔2022〕27号: benchmarks are published
 * like the item lists): for one enforcement item, the violation, its basis, the tiers with their circumstances
 * and fine ranges, and the conditions of the agency's 轻微不罚 / 首违不罚 lists (null = not on that list).
 */
export interface DiscretionBenchmarkData {
  enforcementItemId: string;
  violation: string;
  legalBasis: string;
  tiers: DiscretionBenchmarkTier[];
  minorExemption: string | null;
  firstViolationExemption: string | null;
}

/** What a writer sends: the exemptions and fine bounds may be left out. */
export interface DiscretionBenchmarkDraft {
  enforcementItemId: string;
  violation: string;
  legalBasis: string;
  tiers: { tier: DiscretionTier; circumstances: string; minFine?: string | null; maxFine?: string | null }[];
  minorExemption?: string | null;
  firstViolationExemption?: string | null;
}

/** Longest text a benchmark field may hold; the tiers are five at most once each, ten bounds the input itself. */
export const BENCHMARK_TEXT_MAX = 2000;
export const BENCHMARK_TIERS_MAX = 10;
/** Active benchmarks one enforcement item may list: one per violation it covers (the gateway's cost bound). */
export const BENCHMARKS_PER_ITEM_MAX = 20;

/** Trims and bounds a benchmark's text; an empty exemption is no exemption. Well-formedness is `benchmarkProblem`. */
export function cleanBenchmark(input: DiscretionBenchmarkDraft): DiscretionBenchmarkData {
  const head = cleanFields(
    { violation: input.violation, legalBasis: input.legalBasis },
    ['violation', 'legalBasis'],
    [],
    BENCHMARK_TEXT_MAX,
  );
  if (input.tiers.length > BENCHMARK_TIERS_MAX) throw badInput('tiers', `at most ${BENCHMARK_TIERS_MAX} tiers`);
  const tiers = input.tiers.map((t, i) => {
    if (!Object.values(DiscretionTier).includes(t.tier)) throw badInput(`tiers[${i}].tier`, 'unknown tier');
    const { circumstances } = cleanFields(
      { circumstances: t.circumstances },
      ['circumstances'],
      [],
      BENCHMARK_TEXT_MAX,
    );
    return {
      tier: t.tier,
      circumstances,
      minFine: t.minFine == null ? null : normalizeDecimal(t.minFine),
      maxFine: t.maxFine == null ? null : normalizeDecimal(t.maxFine),
    };
  });
  return {
    enforcementItemId: input.enforcementItemId.trim().toLowerCase(),
    ...head,
    tiers,
    minorExemption: exemptionText('minorExemption', input.minorExemption),
    firstViolationExemption: exemptionText('firstViolationExemption', input.firstViolationExemption),
  };
}

function exemptionText(field: string, v: string | null | undefined): string | null {
  const s = v?.trim() ?? '';
  if (s.length > BENCHMARK_TEXT_MAX)
    throw badInput(field, `at most ${BENCHMARK_TEXT_MAX} characters (got ${s.length})`);
  return s === '' ? null : s;
}
