import { INTEGRATOR_SOURCES, REVIEW_EVENT_TYPES } from '@tsp/shared';

/**
 * Where webhook events come from: review's own outbox, and the feeds of other subgraphs (read through their
 * typed clients): inspection, records, supervision, disclosure, personnel — every outbox with an internal feed. Each source has
 * its own log (`reviewEvents`, `inspectionEvents`, `recordsEvents`, `supervisionEvents`, `disclosureEvents`, `personnelEvents`), whose
 * cursors a delivery's `cursor` belongs to, named by its `source`.
 */
export const WEBHOOK_SOURCES = INTEGRATOR_SOURCES;

export type WebhookSource = keyof typeof WEBHOOK_SOURCES;
/** Sources other than review, each with a row in review.webhook_source_cursor per endpoint that wants it. */
export type RemoteSource = Exclude<WebhookSource, 'review'>;

export const SOURCE_NAMES = Object.keys(WEBHOOK_SOURCES) as WebhookSource[];
export const REMOTE_SOURCES = SOURCE_NAMES.filter((s): s is RemoteSource => s !== 'review');

export const ALL_EVENT_TYPES: readonly string[] = SOURCE_NAMES.flatMap((s) => WEBHOOK_SOURCES[s]);

export function isSource(s: string): s is WebhookSource {
  return Object.hasOwn(WEBHOOK_SOURCES, s);
}

/** The event types an endpoint receives: the ones it chose, or (null, endpoints registered before the choice) review's. */
export function endpointTypes(eventTypes: readonly string[] | null): readonly string[] {
  return eventTypes ?? REVIEW_EVENT_TYPES;
}

/** Of an endpoint's event types, those one source publishes ([] = the endpoint wants nothing from it). */
export function typesFrom(source: WebhookSource, eventTypes: readonly string[] | null): string[] {
  const own: readonly string[] = WEBHOOK_SOURCES[source];
  return endpointTypes(eventTypes).filter((t) => own.includes(t));
}

/** The sources an endpoint reads, in a fixed order. */
export function sourcesOf(eventTypes: readonly string[] | null): WebhookSource[] {
  return SOURCE_NAMES.filter((s) => typesFrom(s, eventTypes).length > 0);
}

/** Why a requested list of event types is refused, or null (duplicates are simply dropped by the caller). */
export function eventTypesProblem(types: readonly string[]): string | null {
  if (types.length === 0) return 'name at least one event type / 至少选择一种事件类型';
  const unknown = types.filter((t) => !ALL_EVENT_TYPES.includes(t));
  if (unknown.length)
    return `unknown event type ${unknown.map((t) => JSON.stringify(t)).join(', ')}; one of ${ALL_EVENT_TYPES.join(', ')} / 未知的事件类型`;
  return null;
}
