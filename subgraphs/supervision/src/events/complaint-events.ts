import {
  COMPLAINT_EVENT_TYPES,
  type ComplaintEventPayload,
  ComplaintEventPayloadSchema,
  type ComplaintEventType,
  type EntityManager,
  publishEvent,
} from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';

export { COMPLAINT_EVENT_TYPES, type ComplaintEventType };

/** Publishes a complaint event in the transaction of the step: state only, no identity, no text (the contract). */
export function publishComplaintEvent(em: EntityManager, type: ComplaintEventType, c: ComplaintEntity) {
  const payload: ComplaintEventPayload = ComplaintEventPayloadSchema.parse({
    complaintId: c.id,
    status: c.status,
    anonymous: c.anonymous,
    officerId: c.officerId,
    caseNumber: c.caseNumber,
    dueOn: c.dueOn,
    upheld: type === 'ComplaintClosed' ? c.upheld : null,
  });
  return publishEvent(em, 'supervision', { type, agencyId: c.agencyId, region: c.region, subjectId: c.id, payload });
}
