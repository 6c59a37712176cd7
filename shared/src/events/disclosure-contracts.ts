import { z } from 'zod';

import { EnforcementCategory, PenaltyKind } from '../graphql/enums.js';

/** Event types disclosure publishes for its publications (执法决定公示, 双随机抽查结果公示). */
export const PUBLICATION_EVENT_TYPES = [
  'PublicationPublished',
  'PublicationCorrected',
  'PublicationWithdrawn',
] as const;
export type PublicationEventType = (typeof PUBLICATION_EVENT_TYPES)[number];

/** Every event type of disclosure's outbox (its internal feed, disclosureEvents, webhooks). */
export const DISCLOSURE_EVENT_TYPES = [...PUBLICATION_EVENT_TYPES, 'AnnualReportPublished'] as const;
export type DisclosureEventType = (typeof DISCLOSURE_EVENT_TYPES)[number];

const PublicationKindSchema = z.enum(['DECISION', 'INSPECTION_RESULT']);

/**
 * Payload of `PublicationPublished` and `PublicationCorrected`: the publication exactly as the public list shows it
 * after the step. Its texts are the public copy disclosure stores already masked (ID, phone and bank numbers,
 * addresses below county, names; a natural person as surname + "**"); the party's real name never leaves
 * disclosure. A minor's decision is never published, so never has one of these events.
 */
export const PublicationEventPayloadSchema = z.object({
  publicationId: z.string().min(1),
  kind: PublicationKindSchema,
  /** The case in records (recordsEvents' subjectId); null for an inspection result. */
  caseId: z.string().nullable(),
  agencyId: z.string().min(1),
  category: z.enum(EnforcementCategory),
  caseNumber: z.string(),
  partyName: z.string(),
  summary: z.string(),
  conclusion: z.string(),
  legalBasis: z.string(),
  penaltyKinds: z.array(z.enum(PenaltyKind)),
  fineAmount: z.string().nullable(),
  decidedOn: z.string(),
  /** Version after the step (each correction adds one). */
  version: z.number().int(),
  publishedAt: z.string(),
  /** Last day on the public list (YYYY-MM-DD); null where no period applies. */
  expiresOn: z.string().nullable(),
  /** A correction's reason as published with its revision (masked); null on PublicationPublished. */
  reason: z.string().nullable(),
});
export type PublicationEventPayload = z.infer<typeof PublicationEventPayloadSchema>;

/**
 * Payload of `PublicationWithdrawn`: which publication left the public list, when and on what ground. No texts (the
 * receiver takes down what it holds under publicationId) and no reason (free text, shown to the agency only).
 */
export const PublicationWithdrawnPayloadSchema = z.object({
  publicationId: z.string().min(1),
  kind: PublicationKindSchema,
  caseId: z.string().nullable(),
  agencyId: z.string().min(1),
  category: z.enum(EnforcementCategory),
  version: z.number().int(),
  withdrawnAt: z.string(),
  /** DECISION_CHANGED, DECISION_REVOKED, CONFIRMED_ILLEGAL, CONFIRMED_VOID (行政处罚法 §48) or OTHER. */
  trigger: z.enum(['DECISION_CHANGED', 'DECISION_REVOKED', 'CONFIRMED_ILLEGAL', 'CONFIRMED_VOID', 'OTHER']),
});
export type PublicationWithdrawnPayload = z.infer<typeof PublicationWithdrawnPayloadSchema>;

/**
 * Payload of `AnnualReportPublished`: an agency's frozen annual report (年度行政执法数据), its counts and sums as
 * annualReport serves them. Not the outcomes by text (officers' free text); readers who want them ask annualReport.
 */
export const AnnualReportPublishedPayloadSchema = z.object({
  agencyId: z.string().min(1),
  year: z.number().int(),
  publishedAt: z.string(),
  decisions: z.number().int(),
  byCategory: z.array(z.object({ category: z.enum(EnforcementCategory), count: z.number().int() })),
  finesTotal: z.string(),
  confiscationsTotal: z.string(),
  reviewsPassed: z.number().int(),
  reviewsReturned: z.number().int(),
  reviewsFailed: z.number().int(),
  publishedOnTime: z.number().int(),
  publishedLate: z.number().int(),
  unpublished: z.number().int(),
  withheld: z.number().int(),
});
export type AnnualReportPublishedPayload = z.infer<typeof AnnualReportPublishedPayloadSchema>;
