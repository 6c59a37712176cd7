import { MAX_PLANNED, planProblem, planProgress } from '../src/rules/plan';

test('a plan with each item once and whole counts from 0 is well formed', () => {
  expect(planProblem([])).toBeNull();
  expect(
    planProblem([
      { itemId: 'i1', planned: 0 },
      { itemId: 'i2', planned: 12 },
      { itemId: 'i3', planned: MAX_PLANNED },
    ]),
  ).toBeNull();
});

test('an item twice is refused', () => {
  expect(
    planProblem([
      { itemId: 'i1', planned: 3 },
      { itemId: 'i2', planned: 1 },
      { itemId: 'i1', planned: 4 },
    ]),
  ).toBe('item i1 appears twice / 同一事项重复');
});

test('negative, fractional or too large counts are refused', () => {
  expect(planProblem([{ itemId: 'i1', planned: -1 }])).toBe(`planned count for i1 must be 0…${MAX_PLANNED}`);
  expect(planProblem([{ itemId: 'i1', planned: 2.5 }])).toMatch('planned count for i1');
  expect(planProblem([{ itemId: 'i1', planned: MAX_PLANNED + 1 }])).toMatch('planned count for i1');
});

test('progress is done over planned to a tenth of a percent; nothing planned has no percent', () => {
  const lines = [
    { itemId: 'third', planned: 3 },
    { itemId: 'two-thirds', planned: 3 },
    { itemId: 'over', planned: 4 },
    { itemId: 'untouched', planned: 7 },
    { itemId: 'zero', planned: 0 },
  ];
  const done = new Map([
    ['third', 1],
    ['two-thirds', 2],
    ['over', 5],
    ['zero', 0],
  ]);
  expect(planProgress(lines, done)).toEqual([
    { itemId: 'third', planned: 3, done: 1, percent: 33.3 },
    { itemId: 'two-thirds', planned: 3, done: 2, percent: 66.7 },
    { itemId: 'over', planned: 4, done: 5, percent: 125 },
    { itemId: 'untouched', planned: 7, done: 0, percent: 0 },
    { itemId: 'zero', planned: 0, done: 0, percent: null },
  ]);
});

test('items inspected but not planned appear after the plan with planned 0', () => {
  const progress = planProgress(
    [{ itemId: 'i1', planned: 8 }],
    new Map([
      ['i1', 1],
      ['extra', 2],
    ]),
  );
  expect(progress).toEqual([
    { itemId: 'i1', planned: 8, done: 1, percent: 12.5 },
    { itemId: 'extra', planned: 0, done: 2, percent: null },
  ]);
});
