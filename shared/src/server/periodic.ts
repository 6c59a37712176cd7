import type { Logger } from '../logger.js';
import { Heartbeat } from './heartbeat.js';

export interface PeriodicWorker<A extends unknown[], T> {
  /** Runs now, after any run in progress (runs never overlap). */
  runNow(...args: A): Promise<T>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
  /** Read by /ready: a run hanging, or a timer not firing, for longer than the stuck bound makes it not ready. */
  readonly heartbeat: Heartbeat;
}

/**
 * Background work on a timer, for a subgraph's `workers` hook: the first run after `firstRunMs`,
 * then each after the delay `next` picks from the last result (the interval, or sooner while there is
 * a backlog). A failed run is logged and the schedule goes on. Timers are unref'd.
 */
export function periodicWorker<A extends unknown[], T>(o: {
  run: (...args: A) => Promise<T>;
  firstRunMs: number;
  next: (result: T | undefined) => number;
  log: Logger;
  failure: string;
  /** Named in /ready (default: the logger's name); `stuckMs` overrides WORKER_STUCK_MS. */
  name?: string;
  stuckMs?: number;
}): PeriodicWorker<A, T> {
  const heartbeat = new Heartbeat(o.name ?? String(o.log.bindings?.().svc ?? 'periodic'), o.stuckMs);
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();

  const runNow = (...args: A): Promise<T> => {
    const run = running.catch(() => undefined).then(() => o.run(...args));
    running = run;
    return run;
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    heartbeat.beat(ms);
    timer = setTimeout(async () => {
      heartbeat.beat();
      let result: T | undefined;
      try {
        result = await (runNow as () => Promise<T>)();
      } catch (e) {
        o.log.error({ err: (e as Error).message }, o.failure);
      }
      schedule(o.next(result));
    }, ms);
    timer.unref();
  };
  schedule(o.firstRunMs);

  return {
    runNow,
    heartbeat,
    async stop() {
      stopped = true;
      heartbeat.stop();
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
