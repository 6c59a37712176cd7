/** Each wait is at most an hour, so a receiver back from an outage is reached within the hour. */
export const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;
/** An event is retried for at least this long after its first failed attempt, then given up. */
export const RETRY_WINDOW_MS = 24 * 60 * 60 * 1000;

/** Wait after the n-th consecutive failed attempt (n ≥ 1): base, 2·base, 4·base… capped at an hour. */
export function retryDelayMs(failedAttempts: number, baseMs: number): number {
  const exp = Math.min(Math.max(failedAttempts - 1, 0), 40);
  return Math.min(baseMs * 2 ** exp, MAX_RETRY_DELAY_MS);
}

/** After a failed attempt at `now`: give up only once the retry window since the first failure has passed. */
export function shouldGiveUp(firstFailureAt: Date, now: Date): boolean {
  return now.getTime() - firstFailureAt.getTime() >= RETRY_WINDOW_MS;
}

/** The offsets (ms after the first failure) of every retry until giving up; for docs and tests. */
export function retrySchedule(baseMs: number): number[] {
  const offsets: number[] = [];
  let t = 0;
  for (let failed = 1; !shouldGiveUp(new Date(0), new Date(t)); failed++) {
    t += retryDelayMs(failed, baseMs);
    offsets.push(t);
  }
  return offsets;
}
