import { collectDefaultMetrics, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * Node's process metrics (CPU, memory, event loop lag, GC), once per process: prom-client refuses a
 * second registration, and in tests all five services share one process. Created at the first
 * scrape, so a process nobody scrapes (a test) runs no GC observer and event-loop monitor.
 */
export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}
