import { trainingDayProblem } from '../src/rules/training';

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
