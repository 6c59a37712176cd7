import type { EntityManager } from '@mikro-orm/postgresql';
import { type DomainEvent, loadCalendar } from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';
import { PublicationKind, PublicationStatus, RevisionAction } from '../rules/kinds.js';
import { draftFromDecision } from '../rules/publication.js';
import { addRevision } from '../write/revisions.js';
import { parseDecisionRecorded } from './decision-payload.js';
import { recordProblem } from './problems.js';

export const DECISION_RECORDED = 'DecisionRecorded';

/**
 * 即时推送 A recorded decision becomes a DRAFT publication at once, with its due date on the official
 * calendar. Runs inside the consumer's transaction (the inbox makes a redelivery a no-op).
 */
export async function onDecisionRecorded(em: EntityManager, e: DomainEvent): Promise<void> {
  const parsed = parseDecisionRecorded(e.payload);
  if (!parsed.ok) return recordProblem(em, e, parsed.problem);
  const d = parsed.value;
  if (d.agencyId !== e.agencyId)
    return recordProblem(em, e, `payload agency ${d.agencyId} differs from the event's ${e.agencyId}`);
  const draft = draftFromDecision(d, await loadCalendar(em));
  const facts = {
    category: d.category,
    partyType: d.party.type,
    outcome: d.outcome,
    penaltyKinds: d.penaltyKinds,
    fineAmount: d.fineAmount,
    confiscationAmount: d.confiscationAmount,
    decidedOn: d.decidedOn,
  };
  const text = {
    caseNumber: draft.caseNumber,
    partyName: draft.partyName,
    summary: draft.summary,
    conclusion: draft.conclusion,
    legalBasis: draft.legalBasis,
  };

  const existing = await em.findOne(PublicationEntity, { kind: PublicationKind.DECISION, caseId: d.caseId });
  if (existing) {
    // The same case decided again (a new event id): refresh an unpublished draft; a published one is the agency's to correct.
    if (existing.status !== PublicationStatus.DRAFT)
      return recordProblem(
        em,
        e,
        `case ${d.caseNumber} already has a ${existing.status} publication; correct it instead`,
      );
    em.assign(existing, {
      ...facts,
      ...text,
      sourceEventId: e.id,
      dueOn: draft.dueOn,
      publishable: draft.publishable,
      notPublishableReason: draft.notPublishableReason,
      partyNamePrivate: draft.partyNamePrivate,
      version: existing.version + 1,
      updatedAt: new Date(),
    });
    addRevision(
      em,
      existing,
      existing.publishable ? RevisionAction.DRAFTED : RevisionAction.NOT_PUBLISHABLE,
      '决定重新记录 decision recorded again',
      'records',
    );
    await em.flush();
    return;
  }
  const p = em.create(PublicationEntity, {
    kind: PublicationKind.DECISION,
    sourceEventId: e.id,
    caseId: d.caseId,
    agencyId: e.agencyId,
    region: e.region,
    ...facts,
    ...text,
    dueOn: draft.dueOn,
    status: PublicationStatus.DRAFT,
    publishable: draft.publishable,
    notPublishableReason: draft.notPublishableReason,
    partyNamePrivate: draft.partyNamePrivate,
  });
  addRevision(
    em,
    p,
    draft.publishable ? RevisionAction.DRAFTED : RevisionAction.NOT_PUBLISHABLE,
    draft.notPublishableReason ?? '由执法决定自动生成 drafted from the recorded decision',
    'records',
  );
  await em.flush();
}
