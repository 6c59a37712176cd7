/** Node's timers hold at most 2^31 − 1 ms (24.8 days); a longer delay fires after 1 ms (TimeoutOverflowWarning). */
export const MAX_TIMER_MS = 2 ** 31 - 1;

export interface LongTimer {
  cancel(): void;
}

/**
 * Calls `fn` at the wall-clock instant `atMs` (epoch ms), however far away: waits in steps of at most
 * MAX_TIMER_MS and re-arms until the instant has come, so a token valid for 60 days closes its socket
 * after 60 days, not at once. Each step is unref'd so a pending expiry never keeps the process alive.
 */
export function callAt(atMs: number, fn: () => void, now: () => number = Date.now): LongTimer {
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  // Always asynchronous, even when the instant has passed, like setTimeout.
  const arm = () => {
    timer = setTimeout(fire, Math.min(Math.max(0, atMs - now()), MAX_TIMER_MS));
    timer.unref();
  };
  const fire = () => {
    if (cancelled) return;
    if (now() < atMs) return arm();
    fn();
  };
  arm();
  return {
    cancel() {
      cancelled = true;
      if (timer) clearTimeout(timer);
    },
  };
}
