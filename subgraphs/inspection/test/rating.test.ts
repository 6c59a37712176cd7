import { RATING_WINDOW_DAYS, ratingProblem } from '../src/rules/rating';

const FINISHED_AT = new Date('2026-03-02T16:00:00+08:00');
const GOOD = {
  status: 'FINISHED',
  finishedAt: FINISHED_AT,
  alreadyRated: false,
  score: 4,
  now: new Date('2026-03-03T09:00:00+08:00'),
};
const DAY = 86_400_000;

test('a finished visit, rated once within the window with 1 to 5, is accepted', () => {
  for (const score of [1, 3, 5]) expect(ratingProblem({ ...GOOD, score })).toBeNull();
  // The last moment of the window still counts.
  expect(ratingProblem({ ...GOOD, now: new Date(FINISHED_AT.getTime() + RATING_WINDOW_DAYS * DAY) })).toBeNull();
});

test('a score that is not a whole number from 1 to 5 is refused on the score field', () => {
  for (const score of [0, 6, 2.5, Number.NaN])
    expect(ratingProblem({ ...GOOD, score })).toEqual({
      field: 'score',
      message: 'must be a whole number from 1 to 5 / 评分为1至5分',
    });
});

test('a visit not finished cannot be rated', () => {
  expect(ratingProblem({ ...GOOD, status: 'IN_PROGRESS', finishedAt: null })).toEqual({
    field: 'code',
    message: 'the inspection has not finished yet / 检查结束后方可评价',
  });
  expect(ratingProblem({ ...GOOD, finishedAt: null })?.message).toMatch('not finished');
});

test('ratings close 30 days after the finish', () => {
  expect(RATING_WINDOW_DAYS).toBe(30);
  const late = ratingProblem({ ...GOOD, now: new Date(FINISHED_AT.getTime() + RATING_WINDOW_DAYS * DAY + 1) });
  expect(late).toEqual({ field: 'code', message: 'ratings close 30 days after the visit / 评价期已过' });
});

test('a code rates its visit only once', () => {
  expect(ratingProblem({ ...GOOD, alreadyRated: true })).toEqual({
    field: 'code',
    message: 'this code has already rated the visit / 每个检查码只能评价一次',
  });
});
