import type { WebhookDelivery, WebhookEndpoint, WebhookSourceState } from '../schema/webhook-types.js';
import { positionCursor } from '../webhooks/cursor.js';
import { endpointTypes, sourcesOf } from '../webhooks/sources.js';
import type { DeliveryRow, EndpointRow } from '../webhooks/store.js';

/** Each source the endpoint reads, with its cursor and retry state (review's live on the endpoint row). */
function sourceStates(e: EndpointRow): WebhookSourceState[] {
  return sourcesOf(e.eventTypes).map((source) => {
    const c =
      source === 'review'
        ? { ...e, startAfter: null }
        : (e.cursors.find((x) => x.source === source) ?? {
            // An endpoint registered before it could choose this source cannot have chosen it; kept total anyway.
            position: 0,
            startAfter: null,
            nextAttemptAt: e.nextAttemptAt,
            failedAttempts: 0,
            failingSince: null,
          });
    return {
      source,
      cursor: c.position > 0 ? positionCursor(c.position) : null,
      startPending: c.startAfter !== null,
      nextAttemptAt: c.nextAttemptAt,
      failedAttempts: c.failedAttempts,
      failingSince: c.failingSince,
    };
  });
}

/** An endpoint as integrators see it: never its secret. */
export function endpointView(e: EndpointRow): WebhookEndpoint {
  return {
    id: e.id,
    url: e.url,
    active: e.active,
    agencyIds: e.agencyIds,
    region: e.region,
    eventTypes: [...endpointTypes(e.eventTypes)],
    sources: sourceStates(e),
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
    source: d.source,
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
