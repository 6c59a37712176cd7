import {
  contractProblems,
  type DecisionRecordedPayload,
  DecisionRecordedPayloadSchema,
  isIsoDate,
  normalizeDecimal,
  PenaltyKind,
} from '@tsp/shared';
import { z } from 'zod';

/** The DecisionRecorded payload records publishes; producer and consumer share its type from @tsp/shared. */
export type DecisionRecorded = DecisionRecordedPayload;

const C = DecisionRecordedPayloadSchema.shape;
const text = z.string().catch('');
const money = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? normalizeDecimal(v) : null));

/**
 * Disclosure's reading of the contract: the identity of the case, its category, the party and the day are
 * required; text it only quotes may be missing (empty), unknown penalty kinds are dropped, and a missing
 * `isMinor` counts as a possible minor — never publish on a doubt.
 */
const Lenient = z.object({
  caseId: C.caseId,
  caseNumber: C.caseNumber,
  agencyId: C.agencyId,
  category: C.category,
  cause: text,
  party: z.object({
    type: C.party.shape.type,
    name: z.string().trim(),
    isMinor: z
      .unknown()
      .optional()
      .transform((v) => v !== false),
  }),
  outcome: text,
  penaltyKinds: z
    .unknown()
    .optional()
    .transform((v) => (Array.isArray(v) ? v.filter(isPenaltyKind) : [])),
  fineAmount: money,
  confiscationAmount: money,
  legalBasis: text,
  facts: text,
  conclusion: text,
  decidedOn: C.decidedOn.refine(isIsoDate, 'not a date'),
  reviewId: z.string().nullable().catch(null),
});

function isPenaltyKind(v: unknown): v is PenaltyKind {
  return Object.values<unknown>(PenaltyKind).includes(v);
}

/** Checks an event payload; returns the problem in words when it cannot be used. */
export function parseDecisionRecorded(
  p: Record<string, unknown>,
): { ok: true; value: DecisionRecorded } | { ok: false; problem: string } {
  const parsed = Lenient.safeParse(p);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, problem: contractProblems(parsed.error) };
}
