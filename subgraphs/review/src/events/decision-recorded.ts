import { type EntityManager, type Orm, startConsumer, type Worker } from '@tsp/shared';

import { records } from '../clients/records.js';
import { CatalogRuleEntity, ReviewSettingsEntity, UnreviewedDecisionEntity } from '../entities/index.js';
import { policyOf } from '../read/policy.js';
import { determineMajor } from '../rules/major.js';
import { type DecisionRecordedFacts, isDecisionRecordedFacts } from './decision-recorded-facts.js';

/**
 * A decision recorded without a review that the law or the agency's catalogue makes major is a
 * MAJOR_DECISION_WITHOUT_REVIEW finding (legacy imports surface this way). Hearing and amount
 * involved come from records' case facts, since the event does not carry them.
 */
export async function applyDecisionRecorded(
  em: EntityManager,
  eventId: string,
  region: string,
  p: DecisionRecordedFacts,
): Promise<void> {
  if (p.reviewId) return;
  const [rules, settings, facts] = await Promise.all([
    em.find(CatalogRuleEntity, { agencyId: p.agencyId, active: true }),
    em.findOne(ReviewSettingsEntity, { agencyId: p.agencyId }),
    records.caseFacts([p.caseId]),
  ]);
  const policy = policyOf(rules, settings);
  const f = facts[0];
  const { major, reasons } = determineMajor(
    {
      category: p.category,
      partyType: p.party.type,
      penaltyKinds: p.penaltyKinds,
      fineAmount: p.fineAmount,
      confiscationAmount: p.confiscationAmount,
      amountInvolved: f?.amountInvolved ?? null,
      hearingHeld: f?.hearingHeld ?? false,
    },
    policy.catalog,
    policy.large,
  );
  if (!major) return;
  // A case is decided once; a redelivered or repeated decision keeps the first sighting.
  if (await em.findOne(UnreviewedDecisionEntity, { caseId: p.caseId })) return;
  em.create(UnreviewedDecisionEntity, {
    caseId: p.caseId,
    agencyId: p.agencyId,
    region,
    caseNumber: p.caseNumber,
    category: p.category,
    decidedOn: p.decidedOn,
    reasons,
    eventId,
  });
  await em.flush();
}

/** Consumes records' events: DecisionRecorded becomes a finding when a major decision had no review. */
export function decisionConsumer(orm: Orm): Worker {
  return startConsumer({
    orm,
    schema: 'review',
    name: 'review.decisions',
    source: 'records',
    fetch: (after, limit) => records.events(after, limit),
    handle: async (em, e) => {
      if (e.type !== 'DecisionRecorded' || e.payload.reviewId) return;
      // A payload records never publishes fails the batch (retried), as a broken one did before:
      // nothing is skipped unseen.
      if (!isDecisionRecordedFacts(e.payload))
        throw new Error(`DecisionRecorded ${e.id}: payload lacks fields review reads`);
      await applyDecisionRecorded(em, e.id, e.region, e.payload);
    },
  });
}
