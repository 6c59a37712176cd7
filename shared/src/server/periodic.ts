import type { Logger } from '../logger.js';

export interface PeriodicWorker<A extends unknown[], T> {
  /** Runs now, after any run in progress (runs never overlap). */
  runNow(...args: A): Promise<T>;
  /** No further runs; waits for the one in progress. */
  stop(): Promise<void>;
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
}): PeriodicWorker<A, T> {
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
    timer = setTimeout(async () => {
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
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
