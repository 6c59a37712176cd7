import type { Orm, Worker } from '@tsp/shared';

import { decisionConsumer } from '../events/decision-recorded.js';
import { overdueScan } from './overdue.js';

export { OVERDUE_SCAN_MS, reportOverdueReviews } from './overdue.js';

/** review's background work: the consumer of records' decisions and the overdue scan. */
export function reviewWorkers(orm: Orm): Worker[] {
  return [decisionConsumer(orm), overdueScan(orm)];
}
