import type { DiscretionTier } from '@tsp/shared';

import { type ActualDecision, coverageProblem, type ReviewedDecision } from './coverage.js';
import type { ProposalDiscretion } from './discretion.js';

/** A PASSED review of the case as the departure rule reads it (newest first). */
export interface ReviewedDiscretion extends ReviewedDecision {
  discretion: ProposalDiscretion | null;
}

/**
 * 偏离裁量基准的法制审核 Which PASSED review covers a decision that leaves its benchmark (国办发〔2022〕27号: a departure
 * needs its reason and the legal office's review). The newest PASSED review whose proposal named the same benchmark and
 * tier, itself departed with a reason the reviewer accepted by passing it, in every way the decision departs (the
 * decision's departure codes, when records sends them), and covers the decision's kinds and amounts
 * (rules/coverage.ts, whether the decision is major or not). A review whose proposal stayed within the benchmark
 * reviewed no departure, so it covers none. Null when no discretion was asked or nothing matches.
 */
export function departureReviewId(
  passed: readonly ReviewedDiscretion[],
  asked: { benchmarkId: string; tier: DiscretionTier; departures?: readonly string[] | null } | null | undefined,
  decision: ActualDecision,
): string | null {
  if (!asked) return null;
  const id = asked.benchmarkId.toLowerCase();
  const match = passed.find(
    (r) =>
      r.discretion != null &&
      r.discretion.benchmarkId.toLowerCase() === id &&
      r.discretion.tier === asked.tier &&
      r.discretion.departures.length > 0 &&
      r.discretion.departureReason != null &&
      // Every way the decision departs was one the reviewer saw: passing a fine above the tier accepted no penalty
      // where §33 exempts the party.
      (asked.departures ?? []).every((code) => r.discretion!.departures.some((x) => x.code === code)) &&
      coverageProblem(r, decision) === null,
  );
  return match?.reviewId ?? null;
}
