import { CodeState, codeState, MAX_WINDOW_DAYS, startDayProblem, windowProblem } from '../src/rules/code';
import { InspectionStatus } from '../src/rules/kinds';

const APPROVED_AT = new Date('2026-03-01T10:00:00+08:00');
const WINDOW = { validFrom: '2026-03-02', validUntil: '2026-03-06' };
const state = (status: InspectionStatus, today: string, approvedAt: Date | null = APPROVED_AT) =>
  codeState({ status, approvedAt, ...WINDOW, today });

test('an approved code is valid from the first to the last day of its window, both included', () => {
  expect(state(InspectionStatus.APPROVED, '2026-03-02')).toBe(CodeState.VALID);
  expect(state(InspectionStatus.APPROVED, '2026-03-04')).toBe(CodeState.VALID);
  expect(state(InspectionStatus.APPROVED, '2026-03-06')).toBe(CodeState.VALID);
});

test('before its window it is not yet valid; after it, expired', () => {
  expect(state(InspectionStatus.APPROVED, '2026-03-01')).toBe(CodeState.NOT_YET_VALID);
  expect(state(InspectionStatus.APPROVED, '2026-03-07')).toBe(CodeState.EXPIRED);
});

test('a planned inspection is not approved, whatever the day', () => {
  expect(state(InspectionStatus.PLANNED, '2026-03-03', null)).toBe(CodeState.NOT_APPROVED);
});

test('a started visit is valid once approved, even past its window; an urgent one not yet approved is not', () => {
  expect(state(InspectionStatus.IN_PROGRESS, '2026-03-20')).toBe(CodeState.VALID);
  expect(state(InspectionStatus.IN_PROGRESS, '2026-03-03', null)).toBe(CodeState.NOT_APPROVED);
});

test('finished and cancelled are shown as such, inside the window too', () => {
  expect(state(InspectionStatus.FINISHED, '2026-03-04')).toBe(CodeState.FINISHED);
  expect(state(InspectionStatus.CANCELLED, '2026-03-04')).toBe(CodeState.CANCELLED);
});

test('a window of one day up to 31 days is well formed', () => {
  expect(MAX_WINDOW_DAYS).toBe(31);
  expect(windowProblem('2026-03-02', '2026-03-02')).toBeNull();
  expect(windowProblem('2026-03-01', '2026-03-31')).toBeNull();
  // Across a month end and February of a common year: 2026-02-15 … 2026-03-17 is 31 days.
  expect(windowProblem('2026-02-15', '2026-03-17')).toBeNull();
});

test('a reversed window or one longer than 31 days is refused', () => {
  expect(windowProblem('2026-03-06', '2026-03-02')).toMatch('validUntil is before validFrom');
  expect(windowProblem('2026-03-01', '2026-04-01')).toMatch('at most 31 days');
  expect(windowProblem('2026-02-15', '2026-03-18')).toMatch('检查期限不超过31日');
});

test('a visit starts on a day of its window, urgent or not: the day before or after is refused', () => {
  expect(startDayProblem(WINDOW, '2026-03-02')).toBeNull();
  expect(startDayProblem(WINDOW, '2026-03-06')).toBeNull();
  expect(startDayProblem(WINDOW, '2026-03-01')).toMatch('不在检查期限内');
  expect(startDayProblem(WINDOW, '2026-03-07')).toMatch('2026-03-02…2026-03-06, not 2026-03-07');
});
