/**
 * Restart schedule of a crashed service under npm start: 1 s, 2 s, 4 s … at most 30 s. A service that
 * stayed up RESET_AFTER_MS before crashing starts again from 1 s, so one crash a day never waits 30 s,
 * while a crash loop (bad configuration, port taken) does not spin the machine.
 */
export const BACKOFF = { firstMs: 1000, maxMs: 30_000, resetAfterMs: 60_000 } as const;

/** Delay before restart number `attempt` (0 = the first restart after a healthy run). */
export function restartDelayMs(attempt: number, b: { firstMs: number; maxMs: number } = BACKOFF): number {
  return Math.min(b.maxMs, b.firstMs * 2 ** Math.max(0, Math.min(attempt, 30)));
}

/** The attempt number for the next restart, given the last one and how long the crashed process ran. */
export function nextAttempt(previous: number, upMs: number, resetAfterMs: number = BACKOFF.resetAfterMs): number {
  return upMs >= resetAfterMs ? 0 : previous + 1;
}
