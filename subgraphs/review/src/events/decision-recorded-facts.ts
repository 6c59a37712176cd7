import { type DecisionRecordedPayload, DecisionRecordedPayloadSchema } from '@tsp/shared';

/** The parts of records' DecisionRecorded payload review reads, checked against the shared contract. */
export const DecisionRecordedFactsSchema = DecisionRecordedPayloadSchema.pick({
  caseId: true,
  caseNumber: true,
  agencyId: true,
  category: true,
  penaltyKinds: true,
  fineAmount: true,
  confiscationAmount: true,
  decidedOn: true,
  reviewId: true,
}).extend({ party: DecisionRecordedPayloadSchema.shape.party.pick({ type: true }) });

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

/** Whether an event payload carries every field review reads, each of the type records publishes. */
export function isDecisionRecordedFacts(
  p: Record<string, unknown>,
): p is Record<string, unknown> & DecisionRecordedFacts {
  return DecisionRecordedFactsSchema.safeParse(p).success;
}
