import {
  type EntityManager,
  type InstrumentEventPayload,
  InstrumentEventPayloadSchema,
  type InstrumentEventType,
  type InterviewEventPayload,
  InterviewEventPayloadSchema,
  maskText,
  type NoticeEventPayload,
  NoticeEventPayloadSchema,
  type NoticeEventType,
  PartyType,
  publishEvent,
} from '@tsp/shared';

import type {
  SupervisionInstrumentEntity,
  SupervisionInterviewEntity,
  SupervisionNoticeEntity,
} from '../entities/index.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Publishes an instrument event in the transaction of the step: state and dates only, no text (the contract). */
export function publishInstrumentEvent(em: EntityManager, type: InstrumentEventType, i: SupervisionInstrumentEntity) {
  const payload: InstrumentEventPayload = InstrumentEventPayloadSchema.parse({
    instrumentId: i.id,
    agencyId: i.agencyId,
    kind: i.kind,
    status: i.status,
    dueOn: i.dueOn,
    issuedAt: i.issuedAt.toISOString(),
    respondedAt: iso(i.respondedAt),
    closedAt: iso(i.closedAt),
    returnCount: i.returnCount,
    caseIds: i.caseIds,
  });
  return publishEvent(em, 'supervision', { type, agencyId: i.agencyId, region: i.region, subjectId: i.id, payload });
}

/**
 * Publishes a notice event in the transaction of the step, once per agency it names: the outbox scopes each event to
 * one agency, and every agency named should learn of it (the payload is the same; readers key on noticeId). The title
 * goes out masked by disclosure's rules, as the public reads it: integrators get no ID or phone number through it.
 */
export async function publishNoticeEvent(em: EntityManager, type: NoticeEventType, n: SupervisionNoticeEntity) {
  const payload: NoticeEventPayload = NoticeEventPayloadSchema.parse({
    noticeId: n.id,
    kind: n.kind,
    title: maskText(n.title, { partyType: PartyType.ORGANIZATION }),
    agencyIds: n.agencyIds,
    publishedAt: n.publishedAt.toISOString(),
    withdrawnAt: iso(n.withdrawnAt),
  });
  for (const agencyId of n.agencyIds)
    await publishEvent(em, 'supervision', { type, agencyId, region: n.region, subjectId: n.id, payload });
}

/** Publishes that an interview was held, in the transaction that records it: no names, no reasons, no record. */
export function publishInterviewEvent(em: EntityManager, i: SupervisionInterviewEntity) {
  const payload: InterviewEventPayload = InterviewEventPayloadSchema.parse({
    interviewId: i.id,
    agencyId: i.agencyId,
    heldAt: i.heldAt.toISOString(),
    recordedAt: i.recordedAt.toISOString(),
    attachmentCount: i.attachments.length,
  });
  return publishEvent(em, 'supervision', {
    type: 'SupervisionInterviewRecorded',
    agencyId: i.agencyId,
    region: i.region,
    subjectId: i.id,
    payload,
  });
}
