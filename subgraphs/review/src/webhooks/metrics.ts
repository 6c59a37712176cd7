import { type Orm, queryForMetrics, type ServiceMetrics } from '@tsp/shared';
import { Counter } from 'prom-client';

import { REVIEW_EVENT_TYPES } from '../events/review-events.js';
import type { DeliveryOutcome } from './store.js';

/** Attempts of this process, by outcome; registered into the review service's registry. */
const deliveries = new Counter({
  name: 'tsp_webhook_deliveries_total',
  help: 'Webhook delivery attempts: DELIVERED, FAILED_ATTEMPT (retried later) or GAVE_UP (after the retry window)',
  labelNames: ['outcome'],
  registers: [],
});
// Every outcome from zero, so rate() and alerts on failures work before the first failure.
const OUTCOMES: DeliveryOutcome[] = ['DELIVERED', 'FAILED_ATTEMPT', 'GAVE_UP'];
for (const outcome of OUTCOMES) deliveries.inc({ outcome }, 0);

/** Called for every attempt logged (store.ts logDelivery). */
export const countDelivery = (outcome: DeliveryOutcome) => deliveries.inc({ outcome });

/**
 * The same scope as delivery reads (worker.ts → readEvents): review events of the endpoint's types (null = every
 * review type) after its position, of its agencies or its region. Other sources' queues live in their subgraphs;
 * their failing cursors count here.
 */
const QUEUE_SQL = `select
  (select count(*) from review.webhook_endpoint e join review.outbox o on o.position > e.position
     and o.type = any(coalesce(e.event_types, ?::text[])) and (o.agency_id = any(e.agency_ids) or o.region = e.region)
   where e.active) as queued,
  (select count(*) from review.webhook_endpoint e where active and (failed_attempts > 0 or exists (
     select 1 from review.webhook_source_cursor c where c.endpoint_id = e.id and c.failed_attempts > 0))) as failing,
  (select extract(epoch from now() - least(
     (select min(failing_since) from review.webhook_endpoint where active),
     (select min(c.failing_since) from review.webhook_source_cursor c
        join review.webhook_endpoint e on e.id = c.endpoint_id where e.active)))) as oldest`;

/** review's `metrics` hook: the delivery counter and the queue, read at scrape time. */
export function webhookMetrics(metrics: ServiceMetrics, orm: Orm): void {
  metrics.registry.registerMetric(deliveries);
  metrics.lazyGauges(
    'webhooks',
    {
      queued: {
        name: 'tsp_webhook_queue_events',
        help: 'Review events not yet delivered (or given up), summed over active endpoints',
      },
      failing: {
        name: 'tsp_webhook_endpoints_failing',
        help: 'Active endpoints whose next event (of any source) has failed at least once',
      },
      oldest: {
        name: 'tsp_webhook_failing_seconds',
        help: 'How long the longest-failing active endpoint has failed (0 when none)',
      },
    },
    async (g) => {
      const [r] = await queryForMetrics<{ queued: string; failing: string; oldest: string | null }>(orm, QUEUE_SQL, [
        `{${REVIEW_EVENT_TYPES.join(',')}}`,
      ]);
      g.queued.set(Number(r.queued));
      g.failing.set(Number(r.failing));
      g.oldest.set(Number(r.oldest ?? 0));
    },
  );
}
