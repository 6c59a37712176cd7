import {
  badInput,
  type DiscretionBenchmark,
  discretionCheck,
  type DiscretionCircumstance,
  type DiscretionDeparture,
  type DiscretionExemption,
  type DiscretionTier,
  type PenaltyKind,
} from '@tsp/shared';

/**
 * 裁量基准适用 What a proposal says of the discretion benchmark it applies (国办发〔2022〕27号: a penalty decision
 * applies the agency's published benchmark; leaving it needs a reason, reviewed by the legal office), and what the
 * shared rule `discretionCheck` found. Kept on the review as it was at submission, so the form and the later
 * decision gate read the benchmark the reviewer saw, whatever the agency publishes afterwards.
 */
export interface ProposalDiscretion {
  benchmarkId: string;
  /** The published version checked against. */
  benchmarkVersion: number;
  violation: string;
  tier: DiscretionTier;
  /** The tier's fine range (yuan; null = no bound) in that version. */
  minFine: string | null;
  maxFine: string | null;
  circumstances: DiscretionCircumstance[];
  departures: DiscretionDeparture[];
  exemption: DiscretionExemption | null;
  /** 偏离理由 Why the proposal leaves the benchmark; null when none given. */
  departureReason: string | null;
}

export interface DiscretionChoiceInput {
  benchmarkId: string;
  tier: DiscretionTier;
  circumstances: readonly DiscretionCircumstance[];
  departureReason: string | null;
}

const FIELD = 'proposedDecision.discretion.benchmarkId';

/**
 * A proposal may only apply a benchmark its agency publishes now: unknown, retired (不再适用) or another agency's
 * benchmark is BAD_USER_INPUT. Then the shared rule checks the proposal's kinds and fine against the chosen tier
 * (a tier the benchmark lacks is BAD_USER_INPUT there).
 */
export function proposalDiscretion(
  benchmark: DiscretionBenchmark | null,
  agencyId: string,
  choice: DiscretionChoiceInput,
  decision: { penaltyKinds: readonly PenaltyKind[]; fineAmount: string | null },
): ProposalDiscretion {
  if (!benchmark) throw badInput(FIELD, 'no such discretion benchmark / 裁量基准不存在');
  if (benchmark.agencyId !== agencyId)
    throw badInput(FIELD, "another agency's benchmark: apply your own agency's / 非本机关的裁量基准");
  if (!benchmark.active) throw badInput(FIELD, 'the benchmark was retired / 该裁量基准已停止适用');
  const circumstances = [...new Set(choice.circumstances)];
  const { departures, exemption } = discretionCheck(benchmark, { tier: choice.tier, circumstances }, decision);
  const tier = benchmark.tiers.find((t) => t.tier === choice.tier)!;
  return {
    benchmarkId: benchmark.id,
    benchmarkVersion: benchmark.version,
    violation: benchmark.violation,
    tier: choice.tier,
    minFine: tier.minFine,
    maxFine: tier.maxFine,
    circumstances,
    departures,
    exemption,
    departureReason: choice.departureReason,
  };
}
