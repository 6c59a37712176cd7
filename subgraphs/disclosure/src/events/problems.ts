import type { EntityManager } from '@mikro-orm/postgresql';
import { type DomainEvent, logger } from '@tsp/shared';

const log = logger('disclosure:events');

/** An event that cannot be used is kept with the reason, not retried forever (it would block the feed). */
export async function recordProblem(em: EntityManager, e: DomainEvent, problem: string): Promise<void> {
  log.warn({ eventId: e.id, type: e.type, problem }, 'event not applied');
  await em.execute(
    `insert into disclosure.event_problem (event_id, source, type, problem, payload) values (?, ?, ?, ?, ?::jsonb) on conflict do nothing`,
    [e.id, e.source, e.type, problem, JSON.stringify(e.payload)],
  );
}
