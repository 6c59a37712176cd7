import { type DomainEvent, inScopeOf, type ReadScope } from '@tsp/shared';

/**
 * Whether an endpoint's integrator may receive an event: in its scope as the event's (lead) agency's, or as one of
 * the agencies the payload lists — a joint inspection concerns each partner too (the same rule as the
 * inspectionEvents log).
 */
export function inScopeOfAny(scope: ReadScope, ev: Pick<DomainEvent, 'agencyId' | 'region' | 'payload'>): boolean {
  const listed = Array.isArray(ev.payload.agencyIds) ? (ev.payload.agencyIds as unknown[]) : [];
  return (
    inScopeOf(scope, ev) ||
    listed.some((agencyId) => typeof agencyId === 'string' && inScopeOf(scope, { agencyId, region: ev.region }))
  );
}
