import { trainingDayProblem, trainingHoursProblem } from '../src/rules/training';

describe('培训学时 training day', () => {
  test('met: today or a day already past', () => {
    expect(trainingDayProblem('2026-03-05', '2026-03-05')).toBeNull();
    expect(trainingDayProblem('2025-12-31', '2026-03-05')).toBeNull();
  });
  test('broken: a day after today', () => {
    expect(trainingDayProblem('2026-03-06', '2026-03-05')).toMatch(/cannot be recorded before it happens/);
    expect(trainingDayProblem('2027-01-01', '2026-03-05')).toMatch(/培训日期不能晚于今天/);
  });
});

describe('学时 training hours of one record', () => {
  test('met: half-hour steps from 0.5 to 24', () => {
    for (const h of [0.5, 1, 2.5, 24]) expect(trainingHoursProblem(h)).toBeNull();
  });
  test('broken: none, negative, more than a day, or not a half-hour step', () => {
    for (const h of [0, -1, 24.5, 0.3, 1.25]) expect(trainingHoursProblem(h)).toMatch(/half-hour steps/);
  });
});
