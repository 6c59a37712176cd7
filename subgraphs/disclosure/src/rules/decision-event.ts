import {
  type DecisionRecordedPayload,
  EnforcementCategory,
  isIsoDate,
  normalizeDecimal,
  PartyType,
  PenaltyKind,
} from '@tsp/shared';

/** The DecisionRecorded payload records publishes; producer and consumer share its type from @tsp/shared. */
export type DecisionRecorded = DecisionRecordedPayload;

const str = (v: unknown): v is string => typeof v === 'string';
const money = (v: unknown): string | null => (str(v) && /^-?\d+(\.\d+)?$/.test(v) ? normalizeDecimal(v) : null);

/** Checks an event payload; returns the problem in words when it cannot be used. */
export function parseDecisionRecorded(
  p: Record<string, unknown>,
): { ok: true; value: DecisionRecorded } | { ok: false; problem: string } {
  const party = p.party as Record<string, unknown> | undefined;
  const missing = ['caseId', 'caseNumber', 'agencyId', 'decidedOn'].filter(
    (k) => !str(p[k]) || !(p[k] as string).trim(),
  );
  if (missing.length) return { ok: false, problem: `missing ${missing.join(', ')}` };
  if (!Object.values(EnforcementCategory).includes(p.category as EnforcementCategory))
    return { ok: false, problem: `unknown category ${String(p.category)}` };
  if (!isIsoDate(p.decidedOn as string))
    return { ok: false, problem: `decidedOn is not a date: ${String(p.decidedOn)}` };
  if (!party || !Object.values(PartyType).includes(party.type as PartyType) || !str(party.name))
    return { ok: false, problem: 'party type/name missing' };
  const kinds = Array.isArray(p.penaltyKinds)
    ? (p.penaltyKinds as unknown[]).filter((k): k is PenaltyKind =>
        Object.values(PenaltyKind).includes(k as PenaltyKind),
      )
    : [];
  return {
    ok: true,
    value: {
      caseId: p.caseId as string,
      caseNumber: (p.caseNumber as string).trim(),
      agencyId: p.agencyId as string,
      category: p.category as EnforcementCategory,
      cause: str(p.cause) ? p.cause : '',
      // A missing isMinor is treated as a possible minor: never publish on a doubt.
      party: { type: party.type as PartyType, name: (party.name as string).trim(), isMinor: party.isMinor !== false },
      outcome: str(p.outcome) ? p.outcome : '',
      penaltyKinds: kinds,
      fineAmount: money(p.fineAmount),
      confiscationAmount: money(p.confiscationAmount),
      legalBasis: str(p.legalBasis) ? p.legalBasis : '',
      facts: str(p.facts) ? p.facts : '',
      conclusion: str(p.conclusion) ? p.conclusion : '',
      decidedOn: p.decidedOn as string,
      reviewId: str(p.reviewId) ? p.reviewId : null,
    },
  };
}
