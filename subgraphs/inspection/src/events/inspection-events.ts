import {
  type EntityManager,
  INSPECTION_EVENT_TYPES,
  type InspectionEventPayload,
  type InspectionEventType,
  publishEvent,
} from '@tsp/shared';

import {
  EnterpriseEntity,
  type InspectionEntity,
  InspectionScopeEntity,
  InspectionTargetEntity,
} from '../entities/index.js';

export { INSPECTION_EVENT_TYPES, type InspectionEventType };

/** Publishes an inspection event in the transaction of the step; its payload is the shared contract. */
export async function publishInspectionEvent(
  em: EntityManager,
  type: InspectionEventType,
  i: InspectionEntity,
  rating: InspectionEventPayload['rating'] = null,
) {
  const [targets, scope] = await Promise.all([
    em.find(InspectionTargetEntity, { inspectionId: i.id }, { orderBy: { enterpriseId: 'asc' } }),
    em.find(InspectionScopeEntity, { inspectionId: i.id }, { orderBy: { itemId: 'asc' } }),
  ]);
  const enterprises = await em.find(EnterpriseEntity, { id: { $in: targets.map((t) => t.enterpriseId) } });
  return publishEvent(em, 'inspection', {
    type,
    agencyId: i.agencyId,
    region: i.region,
    subjectId: i.id,
    payload: {
      inspectionId: i.id,
      kind: i.kind,
      status: i.status,
      urgent: i.urgent,
      agencyIds: i.agencyIds,
      enterprises: enterprises.map((e) => ({ id: e.id, creditCode: e.creditCode })),
      itemIds: scope.map((s) => s.itemId),
      validFrom: i.validFrom,
      validUntil: i.validUntil,
      outcome: i.outcome,
      outcomeCaseId: i.outcomeCaseId,
      rating,
    } satisfies InspectionEventPayload,
  });
}
