import {
  AppError,
  badInput,
  type DecisionReviewCheck,
  disclosureClient,
  type DiscretionBenchmark,
  discretionCheck,
  type DiscretionCircumstance,
  type DiscretionDeparture,
  type DiscretionTier,
  EnforcementCategory,
  optionalText,
  requireId,
} from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';
import type { DecisionRow } from './decision.js';

const disclosure = disclosureClient('records');

export interface DiscretionInputLike {
  benchmarkId: string;
  tier: DiscretionTier;
  circumstances?: DiscretionCircumstance[] | null;
  departureReason?: string | null;
}

/** The discretion a decision applied, checked against the benchmark as published now. */
export interface JudgedDiscretion {
  benchmark: DiscretionBenchmark;
  tier: DiscretionTier;
  circumstances: DiscretionCircumstance[];
  departureReason: string | null;
  departures: DiscretionDeparture[];
}

/** The decision row's discretion columns (all empty when none was named). */
export function discretionColumns(j: JudgedDiscretion | null) {
  return {
    benchmarkId: j?.benchmark.id ?? null,
    benchmarkVersion: j?.benchmark.version ?? null,
    discretionTier: j?.tier ?? null,
    discretionCircumstances: j?.circumstances ?? [],
    discretionDepartures: j?.departures.map((x) => x.code) ?? [],
    departureReason: j?.departureReason ?? null,
  };
}

/**
 * 适用裁量基准 Fetches the named benchmark (the case's agency's, in force) and checks the decision against it
 * (shared rules/discretion.ts). A penalty in a PENALTY case must name one once its agency has published any
 * (国办发〔2022〕27号: benchmarks are built into the case system). Disclosure not answering →
 * DEPENDENCY_UNAVAILABLE, as every remote rule fails closed.
 */
export async function judgeDiscretion(
  c: Pick<CaseEntity, 'agencyId' | 'category'>,
  d: DecisionRow,
  input: DiscretionInputLike | null | undefined,
): Promise<JudgedDiscretion | null> {
  if (!input) {
    const owes = c.category === EnforcementCategory.PENALTY && d.penaltyKinds.length > 0;
    if (owes && (await disclosure.discretionBenchmarks(c.agencyId)).length > 0)
      throw badInput('discretion', "name the violation and tier of the agency's published benchmark / 须适用裁量基准");
    return null;
  }
  const circumstances = [...new Set(input.circumstances ?? [])];
  const departureReason = optionalText('discretion.departureReason', input.departureReason, 2000);
  const benchmark = await disclosure.discretionBenchmark(requireId('discretion.benchmarkId', input.benchmarkId));
  if (!benchmark || benchmark.agencyId !== c.agencyId || !benchmark.active)
    throw badInput('discretion.benchmarkId', "not a benchmark in force of the case's agency / 非本机关现行裁量基准");
  const { departures } = discretionCheck(benchmark, { tier: input.tier, circumstances }, d);
  return { benchmark, tier: input.tier, circumstances, departureReason, departures };
}

/**
 * 偏离裁量基准 A departure stands only with its reason stated and a PASSED legal review of the case that
 * named the same benchmark and tier and covers the decision (review's `departureReviewId`).
 */
export function assertDiscretion(j: JudgedDiscretion | null, check: Pick<DecisionReviewCheck, 'departureReviewId'>) {
  if (!j?.departures.length) return;
  const why = j.departures.map((x) => x.why).join('; ');
  if (!j.departureReason)
    throw new AppError('DISCRETION_DEPARTURE', `${why} — state the reason (discretion.departureReason) / 须说明理由`, {
      departures: j.departures.map((x) => x.code),
    });
  if (!check.departureReviewId)
    throw new AppError(
      'DISCRETION_DEPARTURE',
      `${why} — a PASSED legal review of this case naming this benchmark and tier must cover it / 偏离裁量基准须经法制审核`,
      { departures: j.departures.map((x) => x.code) },
    );
}
