import { callAt, MAX_TIMER_MS } from '../src/subscriptions/long-timer';

const DAY = 86_400_000;

afterEach(() => jest.useRealTimers());

test('a plain setTimeout past 2^31 ms fires almost at once (the bug callAt avoids)', async () => {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 60 * DAY));
  expect(Date.now() - started).toBeLessThan(1000);
}, 5000);

test.each([1, 24, 25, 60, 90, 400])('callAt %i days ahead fires then and not before', (days) => {
  jest.useFakeTimers();
  const fired = jest.fn();
  callAt(Date.now() + days * DAY, fired);
  jest.advanceTimersByTime(days * DAY - 1000);
  expect(fired).not.toHaveBeenCalled();
  jest.advanceTimersByTime(1000);
  expect(fired).toHaveBeenCalledTimes(1);
  jest.advanceTimersByTime(400 * DAY);
  expect(fired).toHaveBeenCalledTimes(1);
});

test('no single wait is longer than a Node timer can hold, and cancel stops the chain', () => {
  jest.useFakeTimers();
  const spy = jest.spyOn(global, 'setTimeout');
  const fired = jest.fn();
  const timer = callAt(Date.now() + 60 * DAY, fired);
  jest.advanceTimersByTime(30 * DAY);
  for (const call of spy.mock.calls) expect(call[1]).toBeLessThanOrEqual(MAX_TIMER_MS);
  expect(spy.mock.calls.length).toBeGreaterThanOrEqual(2);
  spy.mockRestore();
  timer.cancel();
  jest.advanceTimersByTime(60 * DAY);
  expect(fired).not.toHaveBeenCalled();
});

test('an instant already past fires asynchronously, like setTimeout', async () => {
  const fired = jest.fn();
  callAt(Date.now() - 5000, fired);
  expect(fired).not.toHaveBeenCalled();
  await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(fired).toHaveBeenCalledTimes(1);
});
