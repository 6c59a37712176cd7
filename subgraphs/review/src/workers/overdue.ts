import { LockMode } from '@mikro-orm/core';
import { logger, type Orm, periodicWorker, shanghaiDate, type Worker } from '@tsp/shared';

import { LegalReviewEntity } from '../entities/index.js';
import { publishReviewEvent } from '../events/review-events.js';
import { ReviewStatus } from '../rules/status.js';

const log = logger('review:workers');

/**
 * ReviewOverdue, once per review: reviews still with the legal office after their due day are
 * marked and announced in one transaction. SKIP LOCKED lets several instances scan at once.
 */
export async function reportOverdueReviews(orm: Orm, today: string = shanghaiDate()): Promise<number> {
  return orm.em.fork().transactional(async (em) => {
    const rows = await em.find(
      LegalReviewEntity,
      {
        status: { $in: [ReviewStatus.SUBMITTED, ReviewStatus.IN_REVIEW] },
        dueOn: { $lt: today },
        overdueReportedAt: null,
      },
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

export const OVERDUE_SCAN_MS = 60_000;

/** A periodic worker (runs never overlap), so a scan hanging shows in /ready as stuck. */
export function overdueScan(orm: Orm): Worker {
  return periodicWorker({
    name: 'review.overdue-scan',
    run: () => reportOverdueReviews(orm),
    firstRunMs: 0,
    next: () => OVERDUE_SCAN_MS,
    log,
    failure: 'overdue scan failed; will retry',
  });
}
