import { z } from 'zod';

import { EnforcementCategory } from '../graphql/enums.js';

/** 复议、诉讼 How a decision was challenged: administrative reconsideration (行政复议) or litigation (行政诉讼). */
export const CHALLENGE_KINDS = ['RECONSIDERATION', 'LITIGATION'] as const;

/**
 * Outcomes of a challenge. PENDING until decided; CHANGED, REVOKED, CONFIRMED_UNLAWFUL and CONFIRMED_VOID overturn
 * the decision (行政处罚法 §48 第二款: a published decision so treated is withdrawn within 3 working days).
 */
export const CHALLENGE_OUTCOMES = [
  'PENDING',
  'UPHELD',
  'CHANGED',
  'REVOKED',
  'CONFIRMED_UNLAWFUL',
  'CONFIRMED_VOID',
  'DISMISSED',
  'WITHDRAWN',
] as const;

/**
 * Payload of records' `DecisionChallengeDecided`: a reconsideration or lawsuit against a case's decision has an
 * outcome. `overturns` says whether the outcome corrects the decision (changed, revoked, confirmed unlawful or
 * void); disclosure withdraws the published decision on it. No party data: readers who need it ask records.
 */
export const DecisionChallengeDecidedPayloadSchema = z.object({
  challengeId: z.string().min(1),
  caseId: z.string().min(1),
  caseNumber: z.string(),
  agencyId: z.string().min(1),
  category: z.enum(EnforcementCategory),
  kind: z.enum(CHALLENGE_KINDS),
  /** 复议机关 / 人民法院 */
  body: z.string(),
  /** 案号 of the reconsideration or the lawsuit. */
  reference: z.string(),
  filedOn: z.string(),
  outcome: z.enum(CHALLENGE_OUTCOMES).exclude(['PENDING']),
  decidedOn: z.string(),
  overturns: z.boolean(),
  /** The day the challenged decision was made. */
  decisionDecidedOn: z.string(),
});
export type DecisionChallengeDecidedPayload = z.infer<typeof DecisionChallengeDecidedPayloadSchema>;
