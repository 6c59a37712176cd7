import { LockMode } from '@mikro-orm/core';
import { FEED_FIELDS, parseFeed, periodicWorker, shanghaiDate, startConsumer, type EntityManager, type Orm, type Worker, logger } from '@tsp/shared';
import { CatalogRuleEntity, LegalReviewEntity, ReviewSettingsEntity, UnreviewedDecisionEntity } from './entities/index.js';
import { ReviewStatus } from './rules/status.js';
import { determineMajor } from './rules/major.js';
import { publishReviewEvent } from './events.js';
import { caseFactsNow, records } from './deps/records.js';
import { policyOf } from './schema/policy.js';

const log = logger('review:workers');

/**
 * ReviewOverdue, once per review: reviews still with the legal office after their due day are
 * marked and announced in one transaction. SKIP LOCKED lets several instances scan at once.
 */
export async function reportOverdueReviews(orm: Orm, today: string = shanghaiDate()): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const rows = await em.find(
      LegalReviewEntity,
      { status: { $in: [ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW] }, dueOn: { $lt: today }, overdueReportedAt: null },
      { lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE, limit: 200, orderBy: { dueOn: 'asc', id: 'asc' } },
    );
    for (const r of rows) {
      r.overdueReportedAt = new Date();
      await publishReviewEvent(em, 'ReviewOverdue', r, null);
    }
    await em.flush();
    return rows.length;
  });
}

/** records' DecisionRecorded payload (crosscontract), the parts review reads. */
interface DecisionRecorded {
  caseId: string;
  caseNumber: string;
  agencyId: string;
  category: CatalogRuleEntity['category'];
  party: { type: LegalReviewEntity['partyType'] };
  penaltyKinds: LegalReviewEntity['penaltyKinds'];
  fineAmount: string | null;
  confiscationAmount: string | null;
  decidedOn: string;
  reviewId: string | null;
}

/**
 * A decision recorded without a review that the law or the agency's catalogue makes major is a
 * MAJOR_DECISION_WITHOUT_REVIEW finding (legacy imports surface this way). Hearing and amount
 * involved come from records' case facts, since the event does not carry them.
 */
export async function applyDecisionRecorded(em: EntityManager, eventId: string, region: string, p: DecisionRecorded): Promise<void> {
  if (p.reviewId) return;
  const [rules, settings, facts] = await Promise.all([
    em.find(CatalogRuleEntity, { agencyId: p.agencyId, active: true }),
    em.findOne(ReviewSettingsEntity, { agencyId: p.agencyId }),
    caseFactsNow([p.caseId]),
  ]);
  const policy = policyOf(rules, settings);
  const f = facts[0];
  const { major, reasons } = determineMajor(
    {
      category: p.category, partyType: p.party.type, penaltyKinds: p.penaltyKinds, fineAmount: p.fineAmount, confiscationAmount: p.confiscationAmount,
      amountInvolved: f?.amountInvolved ?? null, hearingHeld: f?.hearingHeld ?? false,
    },
    policy.catalog, policy.large,
  );
  if (!major) return;
  // A case is decided once; a redelivered or repeated decision keeps the first sighting.
  if (await em.findOne(UnreviewedDecisionEntity, { caseId: p.caseId })) return;
  em.create(UnreviewedDecisionEntity, {
    caseId: p.caseId, agencyId: p.agencyId, region, caseNumber: p.caseNumber, category: p.category, decidedOn: p.decidedOn, reasons, eventId,
  });
  await em.flush();
}

export const OVERDUE_SCAN_MS = 60_000;

export function reviewWorkers(orm: Orm): Worker[] {
  const decisions = startConsumer({
    orm, schema: 'review', name: 'review.decisions', source: 'records',
    fetch: async (after, limit) => {
      const { recordsOutboxFeed } = await records().request<{ recordsOutboxFeed: Parameters<typeof parseFeed>[1] }>(
        `query($a: Int!, $f: Int!) { recordsOutboxFeed(after: $a, first: $f) { ${FEED_FIELDS} } }`, { a: after, f: limit },
      );
      return parseFeed('records', recordsOutboxFeed);
    },
    handle: async (em, e) => {
      if (e.type === 'DecisionRecorded') await applyDecisionRecorded(em, e.id, e.region, e.payload as unknown as DecisionRecorded);
    },
  });
  // A periodic worker (runs never overlap), so a scan hanging shows in /ready as stuck.
  const overdue = periodicWorker({
    name: 'review.overdue-scan', run: () => reportOverdueReviews(orm), firstRunMs: 0, next: () => OVERDUE_SCAN_MS, log,
    failure: 'overdue scan failed; will retry',
  });
  return [decisions, overdue];
}
