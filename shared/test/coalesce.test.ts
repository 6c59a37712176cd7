import { coalesce } from '@tsp/shared';

/** The dedicated statements' sharing (shared/src/db/dedicated-statement.ts): runs are driven by hand, so every order is exact. */
function manualTask() {
  const runs: { resolve: () => void; reject: (e: Error) => void }[] = [];
  let active = 0;
  let most = 0;
  const task = () =>
    new Promise<void>((resolve, reject) => {
      most = Math.max(most, ++active);
      runs.push({
        resolve: () => {
          active--;
          resolve();
        },
        reject: (e) => {
          active--;
          reject(e);
        },
      });
    });
  return { task, runs, most: () => most };
}

const settled = (p: Promise<void>) => {
  const state = { done: false, error: undefined as unknown };
  p.then(
    () => (state.done = true),
    (e: unknown) => ((state.done = true), (state.error = e)),
  );
  return state;
};
const tick = () => new Promise((r) => setImmediate(r));

test('calls made during a run share one next run, which starts only after the current one ends', async () => {
  const m = manualTask();
  const run = coalesce(m.task);
  const first = settled(run());
  await tick();
  const during = [settled(run()), settled(run()), settled(run())];
  await tick();
  expect(m.runs).toHaveLength(1); // the next run waits for the current one
  m.runs[0].resolve();
  await tick();
  expect(first.done).toBe(true);
  // The first run began before these calls, so it does not answer them.
  expect(during.map((d) => d.done)).toEqual([false, false, false]);
  expect(m.runs).toHaveLength(2);
  m.runs[1].resolve();
  await tick();
  expect(during.map((d) => d.done)).toEqual([true, true, true]);
  expect(m.most()).toBe(1);
});

test('a call while idle starts a run at once; a failed run rejects its callers only, and the next still runs', async () => {
  const m = manualTask();
  const run = coalesce(m.task);
  const a = settled(run());
  await tick();
  const b = settled(run());
  m.runs[0].reject(new Error('flush failed'));
  await tick();
  expect((a.error as Error).message).toBe('flush failed');
  expect(m.runs).toHaveLength(2);
  m.runs[1].resolve();
  await tick();
  expect(b).toEqual({ done: true, error: undefined });
  const c = settled(run());
  await tick();
  expect(m.runs).toHaveLength(3);
  m.runs[2].resolve();
  await tick();
  expect(c.done).toBe(true);
  expect(m.most()).toBe(1);
});
