import {
  type AnnualReportPublishedPayload,
  AnnualReportPublishedPayloadSchema,
  type EntityManager,
  type PublicationEventPayload,
  PublicationEventPayloadSchema,
  type PublicationWithdrawnPayload,
  PublicationWithdrawnPayloadSchema,
  publishEvent,
} from '@tsp/shared';

import type { AnnualReportEntity, PublicationEntity } from '../entities/index.js';
import { WithdrawalTrigger } from '../rules/kinds.js';

/**
 * Publishes PublicationPublished or PublicationCorrected in the transaction of the step: the public copy as it stands
 * after it (stored masked), never the party's private name. `reason` is a correction's published reason.
 */
export function publishPublicationEvent(
  em: EntityManager,
  type: 'PublicationPublished' | 'PublicationCorrected',
  p: PublicationEntity,
  reason: string | null = null,
) {
  // Only a publishable item reaches the public list (a minor's never does); nothing else may leave as an event.
  if (!p.publishable || !p.publishedAt) throw new Error(`publication ${p.id} is not public; no ${type} event`);
  const payload: PublicationEventPayload = PublicationEventPayloadSchema.parse({
    publicationId: p.id,
    kind: p.kind,
    caseId: p.caseId ?? null,
    agencyId: p.agencyId,
    category: p.category,
    caseNumber: p.caseNumber,
    partyName: p.partyName,
    summary: p.summary,
    conclusion: p.conclusion,
    legalBasis: p.legalBasis,
    penaltyKinds: p.penaltyKinds,
    fineAmount: p.fineAmount ?? null,
    decidedOn: p.decidedOn,
    version: p.version,
    publishedAt: p.publishedAt.toISOString(),
    expiresOn: p.expiresOn ?? null,
    reason,
  });
  return publishEvent(em, 'disclosure', { type, agencyId: p.agencyId, region: p.region, subjectId: p.id, payload });
}

/** Publishes PublicationWithdrawn in the transaction of the withdrawal: which item, when, on what ground; no text. */
export function publishWithdrawnEvent(em: EntityManager, p: PublicationEntity) {
  const payload: PublicationWithdrawnPayload = PublicationWithdrawnPayloadSchema.parse({
    publicationId: p.id,
    kind: p.kind,
    caseId: p.caseId ?? null,
    agencyId: p.agencyId,
    category: p.category,
    version: p.version,
    withdrawnAt: (p.withdrawnAt ?? new Date()).toISOString(),
    trigger: p.withdrawalTrigger ?? WithdrawalTrigger.OTHER,
  });
  return publishEvent(em, 'disclosure', {
    type: 'PublicationWithdrawn',
    agencyId: p.agencyId,
    region: p.region,
    subjectId: p.id,
    payload,
  });
}

/** Publishes AnnualReportPublished in the transaction that freezes the report: its counts and sums. */
export function publishAnnualReportEvent(em: EntityManager, r: AnnualReportEntity, region: string) {
  const t = r.totals;
  const payload: AnnualReportPublishedPayload = AnnualReportPublishedPayloadSchema.parse({
    agencyId: r.agencyId,
    year: r.year,
    publishedAt: r.publishedAt.toISOString(),
    decisions: t.decisions,
    byCategory: t.byCategory,
    finesTotal: t.finesTotal,
    confiscationsTotal: t.confiscationsTotal,
    reviewsPassed: t.reviews.passed,
    reviewsReturned: t.reviews.returned,
    reviewsFailed: t.reviews.failed,
    publishedOnTime: t.publishedOnTime,
    publishedLate: t.publishedLate,
    unpublished: t.unpublished,
    withheld: t.withheld,
  });
  // One report per agency and year: the subject names both, so a receiver keys on it.
  const subjectId = `${r.agencyId}:${r.year}`;
  return publishEvent(em, 'disclosure', {
    type: 'AnnualReportPublished',
    agencyId: r.agencyId,
    region,
    subjectId,
    payload,
  });
}
