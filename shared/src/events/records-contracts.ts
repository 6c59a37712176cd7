import { z } from 'zod';

import { EnforcementCategory, PartyType } from '../graphql/enums.js';

/** Event types records publishes (outbox, its internal feed, recordsEvents, webhooks). */
export const RECORDS_EVENT_TYPES = [
  'CaseOpened',
  'RecordAppended',
  'DecisionRecorded',
  'DecisionChallengeDecided',
  'CaseArchived',
] as const;
export type RecordsEventType = (typeof RECORDS_EVENT_TYPES)[number];

/** Payload of records' `CaseOpened`: a case is filed (立案). The cause is as the officer typed it (unmasked). */
export const CaseOpenedPayloadSchema = z.object({
  caseId: z.string().min(1),
  caseNumber: z.string(),
  agencyId: z.string().min(1),
  category: z.enum(EnforcementCategory),
  cause: z.string(),
  partyType: z.enum(PartyType),
  filedAt: z.string(),
  /** Day the decision is due (YYYY-MM-DD); null where the category sets no limit. */
  decisionDueOn: z.string().nullable(),
  legacy: z.boolean(),
});
export type CaseOpenedPayload = z.infer<typeof CaseOpenedPayloadSchema>;

/** Payload of records' `RecordAppended`: an entry of the case file's hash chain (no content, only its place). */
export const RecordAppendedPayloadSchema = z.object({
  caseId: z.string().min(1),
  caseNumber: z.string(),
  entryId: z.string().min(1),
  sequence: z.number().int(),
  /** The case's stage the entry belongs to (FILING, INVESTIGATION, …). */
  stage: z.string(),
  /** What the entry records (INSPECTION, DECISION, …). */
  activity: z.string(),
  occurredAt: z.string(),
  /** The entry's hash in the case's chain (hex). */
  hash: z.string(),
  legacy: z.boolean(),
});
export type RecordAppendedPayload = z.infer<typeof RecordAppendedPayloadSchema>;

/** Payload of records' `CaseArchived`: the case file is closed (归档). */
export const CaseArchivedPayloadSchema = z.object({
  caseId: z.string().min(1),
  caseNumber: z.string(),
  category: z.enum(EnforcementCategory),
  archivedAt: z.string(),
  entries: z.number().int(),
  /** Set on cases imported from an earlier system. */
  legacy: z.literal(true).optional(),
});
export type CaseArchivedPayload = z.infer<typeof CaseArchivedPayloadSchema>;
