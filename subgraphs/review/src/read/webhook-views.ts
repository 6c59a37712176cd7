import type { WebhookDelivery, WebhookEndpoint } from '../schema/webhook-types.js';
import { positionCursor } from '../webhooks/cursor.js';
import type { DeliveryRow, EndpointRow } from '../webhooks/store.js';

/** An endpoint as integrators see it: never its secret. */
export function endpointView(e: EndpointRow): WebhookEndpoint {
  return {
    id: e.id,
    url: e.url,
    active: e.active,
    agencyIds: e.agencyIds,
    region: e.region,
    createdAt: e.createdAt,
    deactivatedAt: e.deactivatedAt,
    cursor: e.position > 0 ? positionCursor(e.position) : null,
    nextAttemptAt: e.nextAttemptAt,
    failedAttempts: e.failedAttempts,
    failingSince: e.failingSince,
  };
}

export function deliveryView(d: DeliveryRow): WebhookDelivery {
  return {
    id: String(d.id),
    eventId: d.eventId,
    eventType: d.eventType,
    cursor: positionCursor(d.position),
    attempt: d.attempt,
    httpStatus: d.httpStatus,
    error: d.error,
    durationMs: d.durationMs,
    attemptedAt: d.attemptedAt,
    outcome: d.outcome,
  };
}
