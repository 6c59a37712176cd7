import { z } from 'zod';

/**
 * 裁量阶次 The tiers of a penalty discretion benchmark (行政处罚裁量基准, 国办发〔2022〕27号): 不予处罚, 减轻处罚 (below
 * the statutory minimum, 行政处罚法 §32), 从轻处罚 (the lower part of the range, §32), 一般, 从重处罚.
 */
export enum DiscretionTier {
  NO_PENALTY = 'NO_PENALTY',
  MITIGATED = 'MITIGATED',
  LENIENT = 'LENIENT',
  ORDINARY = 'ORDINARY',
  HEAVIER = 'HEAVIER',
}

/** 裁量情节 Circumstances an officer finds that §33 of 行政处罚法 (不予处罚) turns on. */
export enum DiscretionCircumstance {
  VIOLATION_MINOR = 'VIOLATION_MINOR',
  NO_HARM = 'NO_HARM',
  HARM_MINOR = 'HARM_MINOR',
  CORRECTED_IN_TIME = 'CORRECTED_IN_TIME',
  FIRST_VIOLATION = 'FIRST_VIOLATION',
  NO_FAULT = 'NO_FAULT',
}

/** One tier of a benchmark: when it applies (text) and the fine range it allows (yuan; null = no bound). */
export const DiscretionBenchmarkTierSchema = z.object({
  tier: z.enum(DiscretionTier),
  circumstances: z.string(),
  minFine: z.string().nullable(),
  maxFine: z.string().nullable(),
});
export type DiscretionBenchmarkTier = z.infer<typeof DiscretionBenchmarkTierSchema>;

/**
 * disclosure's `discretionBenchmark`: a benchmark as published on the agency's ex-ante lists, for one
 * enforcement item. `minorExemption` / `firstViolationExemption` are the conditions of the agency's 轻微不罚 /
 * 首违不罚 list for this violation; null means the violation is not on that list. `version` is the published
 * version the answer reflects (a decision may cite it); `active` is false once the entry was retired.
 */
export const DiscretionBenchmarkSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  enforcementItemId: z.string(),
  violation: z.string(),
  legalBasis: z.string(),
  tiers: z.array(DiscretionBenchmarkTierSchema),
  minorExemption: z.string().nullable(),
  firstViolationExemption: z.string().nullable(),
  active: z.boolean(),
  version: z.number().int(),
});
export type DiscretionBenchmark = z.infer<typeof DiscretionBenchmarkSchema>;
