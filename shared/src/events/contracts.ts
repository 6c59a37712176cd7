import { z } from 'zod';

import { EnforcementCategory, PartyType, PenaltyKind } from '../graphql/enums.js';

/**
 * Payload of records' `DecisionRecorded`: what disclosure drafts a publication from and review
 * checks for decisions made without review. Text fields are as officers typed them (unmasked).
 * The schema is the contract: records publishes this type, consumers parse what they receive with it.
 */
export const DecisionRecordedPayloadSchema = z.object({
  caseId: z.string().trim().min(1),
  caseNumber: z.string().trim().min(1),
  agencyId: z.string().trim().min(1),
  category: z.enum(EnforcementCategory),
  cause: z.string(),
  party: z.object({ type: z.enum(PartyType), name: z.string(), isMinor: z.boolean() }),
  outcome: z.string(),
  penaltyKinds: z.array(z.enum(PenaltyKind)),
  fineAmount: z.string().nullable(),
  confiscationAmount: z.string().nullable(),
  legalBasis: z.string(),
  facts: z.string(),
  conclusion: z.string(),
  decidedOn: z.string(),
  reviewId: z.string().nullable(),
  /** Set on decisions imported from an earlier system (no write-time rules applied). */
  legacy: z.literal(true).optional(),
});
export type DecisionRecordedPayload = z.infer<typeof DecisionRecordedPayloadSchema>;

/** The problems of a payload that does not match a contract, in words, without its values (personal data). */
export function contractProblems(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; ');
}

/** Event types review publishes (outbox, reviewEvents, webhooks, the subscription). */
export const REVIEW_EVENT_TYPES = [
  'ReviewSubmitted',
  'ReviewPassed',
  'ReviewReturned',
  'ReviewFailed',
  'ReviewEscalated',
  'ReviewOverdue',
] as const;
export type ReviewEventType = (typeof REVIEW_EVENT_TYPES)[number];

/** Payload of every review event: the review as it stands after the step. */
export const ReviewEventPayloadSchema = z.object({
  reviewId: z.string().min(1),
  caseId: z.string().min(1),
  caseNumber: z.string(),
  category: z.enum(EnforcementCategory),
  status: z.string(),
  reviewerId: z.string().nullable(),
  opinion: z.string().nullable(),
  dueOn: z.string(),
});
export type ReviewEventPayload = z.infer<typeof ReviewEventPayloadSchema>;

/** Event types inspection publishes (outbox, inspectionEvents, webhooks). */
export const INSPECTION_EVENT_TYPES = [
  'InspectionPlanned',
  'InspectionApproved',
  'InspectionStarted',
  'InspectionFinished',
  'InspectionCancelled',
  'InspectionRated',
] as const;
export type InspectionEventType = (typeof INSPECTION_EVENT_TYPES)[number];

/**
 * Payload of every inspection event: the inspection as it stands after the step. Enterprises by id and credit
 * code (public registry data); no codes (they are the enterprise's proof), no rating comments (free text).
 */
export const InspectionEventPayloadSchema = z.object({
  inspectionId: z.string().min(1),
  kind: z.string(),
  status: z.string(),
  urgent: z.boolean(),
  agencyIds: z.array(z.string()),
  enterprises: z.array(z.object({ id: z.string(), creditCode: z.string() })),
  itemIds: z.array(z.string()),
  validFrom: z.string(),
  validUntil: z.string(),
  outcome: z.string().nullable(),
  outcomeCaseId: z.string().nullable(),
  /** InspectionRated only: the enterprise that rated and its score. */
  rating: z.object({ enterpriseId: z.string(), score: z.number().int() }).nullable(),
});
export type InspectionEventPayload = z.infer<typeof InspectionEventPayloadSchema>;

/** Event types supervision publishes for complaints (投诉举报), in its outbox. */
export const COMPLAINT_EVENT_TYPES = [
  'ComplaintSubmitted',
  'ComplaintAssigned',
  'ComplaintAnswered',
  'ComplaintClosed',
  'ComplaintReopened',
] as const;
export type ComplaintEventType = (typeof COMPLAINT_EVENT_TYPES)[number];

/**
 * Payload of every complaint event: the complaint's state after the step. Never the complainant's identity, the
 * receipt code, the complaint's text or the answers (free text that may name people); readers who may see those
 * ask the subgraph.
 */
export const ComplaintEventPayloadSchema = z.object({
  complaintId: z.string().min(1),
  status: z.string(),
  anonymous: z.boolean(),
  officerId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** Day the agency's answer is due (assigned and reopened), YYYY-MM-DD. */
  dueOn: z.string().nullable(),
  /** ComplaintClosed only: whether the bureau upheld the complaint. */
  upheld: z.boolean().nullable(),
});
export type ComplaintEventPayload = z.infer<typeof ComplaintEventPayloadSchema>;

/** Event types supervision publishes for its instruments (监督意见书/决定书) and public notices (通报), in its outbox. */
export const INSTRUMENT_EVENT_TYPES = [
  'SupervisionInstrumentIssued',
  'SupervisionInstrumentResponded',
  'SupervisionInstrumentClosed',
] as const;
export type InstrumentEventType = (typeof INSTRUMENT_EVENT_TYPES)[number];
export const NOTICE_EVENT_TYPES = ['SupervisionNoticePublished', 'SupervisionNoticeWithdrawn'] as const;
export type NoticeEventType = (typeof NOTICE_EVENT_TYPES)[number];
export const INTERVIEW_EVENT_TYPES = ['SupervisionInterviewRecorded'] as const;
export const EVALUATION_EVENT_TYPES = ['CaseFileEvaluated'] as const;
export type InterviewEventType = (typeof INTERVIEW_EVENT_TYPES)[number];

/**
 * Payload of every instrument event: the instrument's state after the step. No subject, findings, requirements,
 * response, measures or notes (free text that may name people); readers who may see those ask the subgraph.
 */
export const InstrumentEventPayloadSchema = z.object({
  instrumentId: z.string().min(1),
  agencyId: z.string().min(1),
  kind: z.string(),
  status: z.string(),
  /** Day the agency's response is due, YYYY-MM-DD. */
  dueOn: z.string(),
  issuedAt: z.string(),
  respondedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** Times the bureau sent a response back. */
  returnCount: z.number().int(),
  caseIds: z.array(z.string()),
});
export type InstrumentEventPayload = z.infer<typeof InstrumentEventPayloadSchema>;

/**
 * Payload of every notice event. A notice is public, so its title travels, masked as disclosure publishes it (no ID
 * or phone number); not its body (long free text), nor the withdrawal reason: disclosure asks supervision for those.
 */
export const NoticeEventPayloadSchema = z.object({
  noticeId: z.string().min(1),
  kind: z.string(),
  title: z.string(),
  agencyIds: z.array(z.string()).min(1),
  publishedAt: z.string(),
  withdrawnAt: z.string().nullable(),
});
export type NoticeEventPayload = z.infer<typeof NoticeEventPayloadSchema>;

/**
 * Payload of an interview event (约谈): that the bureau held one with the agency, and when. Who was interviewed, the
 * reasons and the record name people and stay with the bureau and the agency's head.
 */
export const InterviewEventPayloadSchema = z.object({
  interviewId: z.string().min(1),
  agencyId: z.string().min(1),
  heldAt: z.string(),
  recordedAt: z.string(),
  attachmentCount: z.number().int(),
});
export type InterviewEventPayload = z.infer<typeof InterviewEventPayloadSchema>;

/**
 * Payload of a scored case file (案卷评查): the plan, the case, the grade. Not the evaluator (agencies see scores
 * without who gave them) nor the comments (free text).
 */
export const CaseFileEvaluatedPayloadSchema = z.object({
  evaluationId: z.string().min(1),
  planId: z.string().min(1),
  agencyId: z.string().min(1),
  caseId: z.string().min(1),
  category: z.string(),
  total: z.number(),
  vetoFailed: z.boolean(),
  grade: z.string(),
  scoredAt: z.string(),
});
export type CaseFileEvaluatedPayload = z.infer<typeof CaseFileEvaluatedPayloadSchema>;
