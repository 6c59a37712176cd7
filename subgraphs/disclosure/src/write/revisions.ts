import type { EntityManager } from '@mikro-orm/postgresql';

import { PublicationEntity, PublicationRevisionEntity } from '../entities/index.js';
import { PublicationStatus, type RevisionAction } from '../rules/kinds.js';
import type { PublicText } from '../rules/publication.js';

export function snapshotOf(p: PublicationEntity): PublicText {
  return {
    caseNumber: p.caseNumber,
    partyName: p.partyName,
    summary: p.summary,
    conclusion: p.conclusion,
    legalBasis: p.legalBasis,
  };
}

/** Appends the revision for the publication's current version (call after changing it, before flush). */
export function addRevision(
  em: EntityManager,
  p: PublicationEntity,
  action: RevisionAction,
  reason: string,
  actor: string,
): PublicationRevisionEntity {
  return em.create(PublicationRevisionEntity, {
    publicationId: p.id,
    version: p.version,
    action,
    reason,
    actor,
    snapshot: snapshotOf(p),
    // Made while (or when) the item is public: the public may read it; draft-time history stays internal.
    public: p.publishedAt != null && p.status !== PublicationStatus.DRAFT,
  });
}
