import type { EnforcementCategory, PartyType, PenaltyKind } from '../graphql/enums.js';

/**
 * Payload of records' `DecisionRecorded`: what disclosure drafts a publication from and review
 * checks for decisions made without review. Text fields are as officers typed them (unmasked).
 */
export interface DecisionRecordedPayload {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  category: EnforcementCategory;
  cause: string;
  party: { type: PartyType; name: string; isMinor: boolean };
  outcome: string;
  penaltyKinds: PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
  legalBasis: string;
  facts: string;
  conclusion: string;
  decidedOn: string;
  reviewId: string | null;
  /** Set on decisions imported from an earlier system (no write-time rules applied). */
  legacy?: true;
}
