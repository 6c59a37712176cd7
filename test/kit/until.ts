/** Waiting on conditions, never on fixed sleeps: each polls with a deadline. */

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns a value (not undefined); throws naming `what` at the deadline. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  ms = 60_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(150);
  }
}

/**
 * Polls `probe` until `done` holds for its result; at the deadline answers the last result, so the test's
 * own expectation shows what was there instead.
 */
export async function pollUntil<T>(probe: () => Promise<T>, done: (t: T) => boolean, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (done(v) || Date.now() > deadline) return v;
    await pause(150);
  }
}
