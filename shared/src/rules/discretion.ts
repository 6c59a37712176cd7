import {
  type DiscretionBenchmark,
  type DiscretionBenchmarkTier,
  DiscretionCircumstance,
  DiscretionTier,
} from '../contracts/discretion.js';
import { badInput } from '../errors.js';
import type { PenaltyKind } from '../graphql/enums.js';
import { compareDecimal } from '../graphql/scalars.js';

/**
 * 行政处罚裁量基准 The check of a penalty decision against the agency's published discretion benchmark
 * (国办发〔2022〕27号: agencies publish benchmarks with tiers and fine ranges, and their 轻微不罚 / 首违不罚 lists;
 * a decision that leaves them must say why). Pure: the caller fetches the benchmark and decides what a
 * departure costs.
 */

/** What the officer chose: the tier, and the circumstances found in the case. */
export interface DiscretionChoice {
  tier: DiscretionTier;
  circumstances: readonly DiscretionCircumstance[];
}

/** What the decision imposes. */
export interface DiscretionDecision {
  penaltyKinds: readonly PenaltyKind[];
  /** Yuan as a decimal string; null = no fine. */
  fineAmount: string | null;
}

export type DiscretionDepartureCode = 'FINE_OUTSIDE_TIER' | 'PENALTY_IN_NO_PENALTY_TIER' | 'PENALTY_WHERE_EXEMPT';

/** A way the decision leaves the benchmark, with a sentence a person can act on. */
export interface DiscretionDeparture {
  code: DiscretionDepartureCode;
  why: string;
}

/**
 * Which §33 exemption the circumstances meet: NO_FAULT (¶2), MINOR (轻微不罚, ¶1 first sentence) or
 * FIRST_VIOLATION (首违不罚, ¶1 second sentence); the mandatory ones first.
 */
export type DiscretionExemption = 'MINOR' | 'FIRST_VIOLATION' | 'NO_FAULT';

export interface DiscretionCheckResult {
  departures: DiscretionDeparture[];
  exemption: DiscretionExemption | null;
}

/** What the check reads of a benchmark (a whole DiscretionBenchmark will do). */
export type BenchmarkTerms = Pick<DiscretionBenchmark, 'tiers' | 'minorExemption' | 'firstViolationExemption'>;

const AMOUNT = /^-?\d{1,13}(\.\d{1,2})?$/;

/**
 * Checks a decision against a benchmark. A tier the benchmark does not have is bad input (the choice is
 * wrong, not the decision), thrown as BAD_USER_INPUT on `discretion.tier`.
 */
export function discretionCheck(
  benchmark: BenchmarkTerms,
  choice: DiscretionChoice,
  decision: DiscretionDecision,
): DiscretionCheckResult {
  const tier = benchmark.tiers.find((t) => t.tier === choice.tier);
  if (!tier) throw badInput('discretion.tier', `the benchmark has no ${choice.tier} tier / 裁量基准无此阶次`);
  const fine = decision.fineAmount != null && compareDecimal(decision.fineAmount, '0') > 0 ? decision.fineAmount : null;
  const penalised = decision.penaltyKinds.length > 0 || fine != null;
  const exemption = exemptionMet(benchmark, choice.circumstances);
  const departures: DiscretionDeparture[] = [];

  const outside = fineOutside(tier, fine);
  if (outside) departures.push({ code: 'FINE_OUTSIDE_TIER', why: outside });
  if (choice.tier === DiscretionTier.NO_PENALTY && penalised)
    departures.push({
      code: 'PENALTY_IN_NO_PENALTY_TIER',
      why: 'the NO_PENALTY tier was chosen but the decision imposes a penalty / 选择不予处罚阶次却作出处罚',
    });
  if (exemption && penalised) departures.push({ code: 'PENALTY_WHERE_EXEMPT', why: EXEMPT_WHY[exemption] });
  return { departures, exemption };
}

const EXEMPT_WHY: Record<DiscretionExemption, string> = {
  NO_FAULT:
    'the party proved it was not at fault: no penalty (行政处罚法 §33¶2, unless a law or administrative regulation provides otherwise) / 当事人有证据足以证明没有主观过错的，不予行政处罚',
  MINOR:
    "minor, corrected in time and harmless: no penalty (行政处罚法 §33¶1), and the violation is on the agency's 轻微不罚 list / 违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚",
  FIRST_VIOLATION:
    "a first violation with minor or no harm, corrected in time, is on the agency's 首违不罚 list (行政处罚法 §33¶1: 可以不予行政处罚), which the agency applies to such cases / 初次违法且危害后果轻微并及时改正",
};

/**
 * 行政处罚法 §33: ¶2 没有主观过错 applies to any violation; ¶1's 轻微不罚 and 首违不罚 apply where the benchmark puts
 * the violation on those lists (the list entry says what counts as minor for it).
 */
function exemptionMet(b: BenchmarkTerms, found: readonly DiscretionCircumstance[]): DiscretionExemption | null {
  const has = (c: DiscretionCircumstance) => found.includes(c);
  const C = DiscretionCircumstance;
  if (has(C.NO_FAULT)) return 'NO_FAULT';
  if (b.minorExemption != null && has(C.VIOLATION_MINOR) && has(C.CORRECTED_IN_TIME) && has(C.NO_HARM)) return 'MINOR';
  if (
    b.firstViolationExemption != null &&
    has(C.FIRST_VIOLATION) &&
    has(C.CORRECTED_IN_TIME) &&
    (has(C.HARM_MINOR) || has(C.NO_HARM))
  )
    return 'FIRST_VIOLATION';
  return null;
}

/** Why a fine (or its absence) lies outside the tier's range; null when it lies inside. */
function fineOutside(t: DiscretionBenchmarkTier, fine: string | null): string | null {
  if (fine == null)
    return t.minFine != null && compareDecimal(t.minFine, '0') > 0
      ? `no fine, but the ${t.tier} tier starts at ${t.minFine} yuan / 未处罚款，低于该阶次下限`
      : null;
  if (t.minFine != null && compareDecimal(fine, t.minFine) < 0)
    return `fine ${fine} is below the ${t.tier} tier's minimum ${t.minFine} / 罚款低于该阶次下限`;
  if (t.maxFine != null && compareDecimal(fine, t.maxFine) > 0)
    return `fine ${fine} is above the ${t.tier} tier's maximum ${t.maxFine} / 罚款高于该阶次上限`;
  return null;
}

/** What is wrong with a benchmark, naming the field; null when it is well formed. */
export interface BenchmarkProblem {
  field: string;
  why: string;
}

/**
 * Whether a benchmark can be published: at least one tier, no tier twice, amounts well-formed yuan ≥ 0, the
 * minimum not above the maximum, and no fine in the NO_PENALTY tier (不予处罚 imposes nothing).
 */
export function benchmarkProblem(b: Pick<DiscretionBenchmark, 'tiers'>): BenchmarkProblem | null {
  if (b.tiers.length === 0) return { field: 'tiers', why: 'needs at least one tier / 至少一个裁量阶次' };
  const seen = new Set<DiscretionTier>();
  for (const [i, t] of b.tiers.entries()) {
    const at = `tiers[${i}]`;
    if (seen.has(t.tier)) return { field: `${at}.tier`, why: `${t.tier} appears twice / 裁量阶次重复` };
    seen.add(t.tier);
    for (const k of ['minFine', 'maxFine'] as const) {
      const v = t[k];
      if (v == null) continue;
      if (!AMOUNT.test(v)) return { field: `${at}.${k}`, why: `must be yuan like "5000.00", got ${v.slice(0, 20)}` };
      if (compareDecimal(v, '0') < 0) return { field: `${at}.${k}`, why: 'must not be negative / 金额不能为负' };
      if (t.tier === DiscretionTier.NO_PENALTY && compareDecimal(v, '0') > 0)
        return { field: `${at}.${k}`, why: 'the NO_PENALTY tier imposes no fine / 不予处罚阶次不设罚款' };
    }
    if (t.minFine != null && t.maxFine != null && compareDecimal(t.minFine, t.maxFine) > 0)
      return { field: `${at}.minFine`, why: `minimum ${t.minFine} is above maximum ${t.maxFine} / 下限高于上限` };
  }
  return null;
}
