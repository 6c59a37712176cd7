import { z } from 'zod';

import { PartyType } from '../graphql/enums.js';
import { maskText, publicPartyName } from '../rules/masking.js';
import { DecisionChallengeDecidedPayloadSchema } from './challenge.js';
import {
  CaseFileEvaluatedPayloadSchema,
  COMPLAINT_EVENT_TYPES,
  ComplaintEventPayloadSchema,
  type DecisionRecordedPayload,
  DecisionRecordedPayloadSchema,
  EVALUATION_EVENT_TYPES,
  INSPECTION_EVENT_TYPES,
  InspectionEventPayloadSchema,
  INSTRUMENT_EVENT_TYPES,
  InstrumentEventPayloadSchema,
  INTERVIEW_EVENT_TYPES,
  InterviewEventPayloadSchema,
  NOTICE_EVENT_TYPES,
  NoticeEventPayloadSchema,
  REVIEW_EVENT_TYPES,
  type ReviewEventPayload,
  ReviewEventPayloadSchema,
} from './contracts.js';
import {
  AnnualReportPublishedPayloadSchema,
  DISCLOSURE_EVENT_TYPES,
  PublicationEventPayloadSchema,
  PublicationWithdrawnPayloadSchema,
} from './disclosure-contracts.js';
import {
  CredentialIssuedPayloadSchema,
  CredentialStatusChangedPayloadSchema,
  PERSONNEL_EVENT_TYPES,
} from './personnel-contracts.js';
import {
  CaseArchivedPayloadSchema,
  type CaseOpenedPayload,
  CaseOpenedPayloadSchema,
  RecordAppendedPayloadSchema,
  RECORDS_EVENT_TYPES,
} from './records-contracts.js';

/**
 * 对外事件来源 The sources integrators read (durable logs, webhooks) and the event types of each: every outbox with
 * an internal feed.
 */
export const INTEGRATOR_SOURCES = {
  review: REVIEW_EVENT_TYPES,
  inspection: INSPECTION_EVENT_TYPES,
  records: RECORDS_EVENT_TYPES,
  supervision: [
    ...COMPLAINT_EVENT_TYPES,
    ...INSTRUMENT_EVENT_TYPES,
    ...NOTICE_EVENT_TYPES,
    ...INTERVIEW_EVENT_TYPES,
    ...EVALUATION_EVENT_TYPES,
  ],
  personnel: PERSONNEL_EVENT_TYPES,
  disclosure: DISCLOSURE_EVENT_TYPES,
} as const satisfies Record<string, readonly string[]>;
export type IntegratorSource = keyof typeof INTEGRATOR_SOURCES;

/**
 * DecisionRecorded as integrators receive it (个人信息保护法 §§6, 28; 行政处罚法 §48; 未成年人保护法 §72): texts masked by
 * disclosure's rules (ID, phone, bank numbers, addresses below county, person names); a natural person's name as it
 * is published (surname + "**"), an organisation's in full; for a minor no name and no texts describing the facts.
 */
export const DecisionRecordedOutboundSchema = DecisionRecordedPayloadSchema.extend({
  cause: z.string().nullable(),
  outcome: z.string().nullable(),
  facts: z.string().nullable(),
  conclusion: z.string().nullable(),
  party: z.object({ type: z.enum(PartyType), name: z.string().nullable(), isMinor: z.boolean() }),
});
export type DecisionRecordedOutbound = z.infer<typeof DecisionRecordedOutboundSchema>;

/** The payload schema integrators receive, per event type (the JSON Schemas in docs/events are generated from it). */
export const INTEGRATOR_PAYLOAD_SCHEMAS: Record<string, z.ZodObject> = {
  ...Object.fromEntries(REVIEW_EVENT_TYPES.map((t) => [t, ReviewEventPayloadSchema])),
  ...Object.fromEntries(INSPECTION_EVENT_TYPES.map((t) => [t, InspectionEventPayloadSchema])),
  ...Object.fromEntries(COMPLAINT_EVENT_TYPES.map((t) => [t, ComplaintEventPayloadSchema])),
  ...Object.fromEntries(INSTRUMENT_EVENT_TYPES.map((t) => [t, InstrumentEventPayloadSchema])),
  ...Object.fromEntries(NOTICE_EVENT_TYPES.map((t) => [t, NoticeEventPayloadSchema])),
  SupervisionInterviewRecorded: InterviewEventPayloadSchema,
  CaseFileEvaluated: CaseFileEvaluatedPayloadSchema,
  CaseOpened: CaseOpenedPayloadSchema,
  RecordAppended: RecordAppendedPayloadSchema,
  DecisionRecorded: DecisionRecordedOutboundSchema,
  DecisionChallengeDecided: DecisionChallengeDecidedPayloadSchema,
  CaseArchived: CaseArchivedPayloadSchema,
  PublicationPublished: PublicationEventPayloadSchema,
  PublicationCorrected: PublicationEventPayloadSchema,
  PublicationWithdrawn: PublicationWithdrawnPayloadSchema,
  AnnualReportPublished: AnnualReportPublishedPayloadSchema,
  CredentialIssued: CredentialIssuedPayloadSchema,
  CredentialStatusChanged: CredentialStatusChangedPayloadSchema,
};

function decisionOutbound(d: DecisionRecordedPayload): DecisionRecordedOutbound {
  const natural = d.party.type === PartyType.NATURAL_PERSON;
  // A possible minor (a flag that is not exactly false) is treated as one: never name them, never tell the facts.
  if (d.party.isMinor !== false) {
    const ctx = { partyType: d.party.type };
    return {
      ...d,
      caseNumber: maskText(d.caseNumber, ctx),
      cause: null,
      outcome: null,
      facts: null,
      conclusion: null,
      legalBasis: maskText(d.legalBasis, ctx),
      party: { type: d.party.type, name: null, isMinor: true },
    };
  }
  const ctx = { partyType: d.party.type, partyName: natural ? d.party.name : null };
  return {
    ...d,
    caseNumber: maskText(d.caseNumber, ctx),
    cause: maskText(d.cause, ctx),
    outcome: maskText(d.outcome, ctx),
    facts: maskText(d.facts, ctx),
    conclusion: maskText(d.conclusion, ctx),
    legalBasis: maskText(d.legalBasis, ctx),
    party: { type: d.party.type, name: publicPartyName(d.party.type, d.party.name), isMinor: false },
  };
}

/**
 * 对外载荷 The payload an integrator receives for an event, from the payload the source stored (consumers inside the
 * platform read the stored one). Free text typed by officers is masked; the rest passes as stored (disclosure's
 * payloads carry its public copy, masked when it was written, so they pass as stored too). Pure: the same
 * event always gives the same payload, so a redelivery or a replay is byte-identical.
 */
export function integratorPayload(type: string, payload: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'DecisionRecorded':
      return decisionOutbound(payload as unknown as DecisionRecordedPayload);
    case 'DecisionChallengeDecided': {
      // The same case number DecisionRecorded masks; no party in the payload, so counted as a natural person's.
      const p = payload as { caseNumber: string };
      return { ...payload, caseNumber: maskText(p.caseNumber, { partyType: PartyType.NATURAL_PERSON }) };
    }
    case 'CaseOpened': {
      const p = payload as unknown as CaseOpenedPayload;
      return { ...p, cause: maskText(p.cause ?? '', { partyType: p.partyType }) };
    }
    default:
      // The officer complained about and the case number belong to the complaint (the case number points at its
      // party, usually the complainant): they stay with the bureau and the agency it was sent to, as the text does.
      if ((COMPLAINT_EVENT_TYPES as readonly string[]).includes(type))
        return { ...payload, officerId: null, caseNumber: null };
      if ((REVIEW_EVENT_TYPES as readonly string[]).includes(type)) {
        const p = payload as unknown as ReviewEventPayload;
        // The reviewer's opinion is free text; it may name the party or quote a number.
        return p.opinion ? { ...p, opinion: maskText(p.opinion, { partyType: PartyType.NATURAL_PERSON }) } : p;
      }
      return payload;
  }
}
