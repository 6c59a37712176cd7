import {
  MAX_RETRY_DELAY_MS,
  RETRY_WINDOW_MS,
  retryDelayMs,
  retrySchedule,
  shouldGiveUp,
} from '../src/webhooks/backoff';

const HOUR = 3_600_000;

test('delays double from the base and are capped at one hour', () => {
  expect([1, 2, 3, 4].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000]);
  expect(retryDelayMs(13, 1000)).toBe(HOUR); // 4096 s would exceed the cap
  expect(retryDelayMs(1000, 1000)).toBe(MAX_RETRY_DELAY_MS);
});

test('an event is given up only once 24 h have passed since its first failure', () => {
  const first = new Date('2026-03-01T00:00:00Z');
  expect(shouldGiveUp(first, new Date(first.getTime() + RETRY_WINDOW_MS - 1))).toBe(false);
  expect(shouldGiveUp(first, new Date(first.getTime() + RETRY_WINDOW_MS))).toBe(true);
});

test.each([1000, 10_000, 50])(
  'the schedule with base %i ms retries for at least 24 h, never waiting more than an hour',
  (base) => {
    const s = retrySchedule(base);
    expect(s.at(-1)!).toBeGreaterThanOrEqual(24 * HOUR);
    // The last wait that starts before 24 h ends after it, by at most one hour.
    expect(s.at(-2)!).toBeLessThan(24 * HOUR);
    for (let i = 1; i < s.length; i++) expect(s[i] - s[i - 1]).toBeLessThanOrEqual(HOUR);
  },
);

test('documented production schedule (base 10 s): about 33 attempts in 24 h', () => {
  const s = retrySchedule(10_000);
  expect(s.slice(0, 4)).toEqual([10_000, 30_000, 70_000, 150_000]);
  expect(s.length).toBeGreaterThan(24);
  expect(s.length).toBeLessThan(40);
});
