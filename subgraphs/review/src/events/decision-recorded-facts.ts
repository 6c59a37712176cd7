import { type DecisionRecordedPayload, EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

/** The parts of records' DecisionRecorded payload review reads. */
export type DecisionRecordedFacts = Pick<
  DecisionRecordedPayload,
  | 'caseId'
  | 'caseNumber'
  | 'agencyId'
  | 'category'
  | 'penaltyKinds'
  | 'fineAmount'
  | 'confiscationAmount'
  | 'decidedOn'
  | 'reviewId'
> & { party: Pick<DecisionRecordedPayload['party'], 'type'> };

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown): v is string | null => v === null || isString(v);
const isOneOf =
  <T extends string>(values: Record<string, T>) =>
  (v: unknown): v is T =>
    Object.values<unknown>(values).includes(v);
const isCategory = isOneOf(EnforcementCategory);
const isPartyType = isOneOf(PartyType);
const isPenaltyKind = isOneOf(PenaltyKind);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Whether an event payload carries every field review reads, each of the type records publishes. */
export function isDecisionRecordedFacts(
  p: Record<string, unknown>,
): p is Record<string, unknown> & DecisionRecordedFacts {
  return (
    isString(p.caseId) &&
    isString(p.caseNumber) &&
    isString(p.agencyId) &&
    isCategory(p.category) &&
    isObject(p.party) &&
    isPartyType(p.party.type) &&
    Array.isArray(p.penaltyKinds) &&
    p.penaltyKinds.every(isPenaltyKind) &&
    isStringOrNull(p.fineAmount) &&
    isStringOrNull(p.confiscationAmount) &&
    isString(p.decidedOn) &&
    isStringOrNull(p.reviewId)
  );
}
