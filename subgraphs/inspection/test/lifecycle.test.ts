import { InspectionStatus } from '../src/rules/kinds';
import { InspectionAction, statusAfter, transitionProblem } from '../src/rules/lifecycle';

const APPROVED_AT = new Date('2026-03-02T09:00:00+08:00');
const at = (status: InspectionStatus, urgent = false, approvedAt: Date | null = null) => ({
  status,
  urgent,
  approvedAt,
});

test('a planned inspection may be approved', () => {
  expect(transitionProblem(InspectionAction.APPROVE, at(InspectionStatus.PLANNED))).toBeNull();
  expect(statusAfter(InspectionAction.APPROVE, InspectionStatus.PLANNED)).toBe(InspectionStatus.APPROVED);
});

test('approval is refused once approved, finished or cancelled', () => {
  for (const s of [InspectionStatus.APPROVED, InspectionStatus.FINISHED, InspectionStatus.CANCELLED])
    expect(transitionProblem(InspectionAction.APPROVE, at(s, false, APPROVED_AT))).toMatch(`cannot approve`);
});

test('an approved inspection may start; a planned one may not, and the refusal says it lacks approval', () => {
  expect(transitionProblem(InspectionAction.START, at(InspectionStatus.APPROVED, false, APPROVED_AT))).toBeNull();
  const refusal = transitionProblem(InspectionAction.START, at(InspectionStatus.PLANNED));
  expect(refusal).toMatch(/not approved/);
  expect(refusal).toMatch(/批准/);
  expect(statusAfter(InspectionAction.START, InspectionStatus.APPROVED)).toBe(InspectionStatus.IN_PROGRESS);
});

test('an urgent inspection starts unapproved, is approved afterwards while in progress, but only once', () => {
  expect(transitionProblem(InspectionAction.START, at(InspectionStatus.PLANNED, true))).toBeNull();
  expect(statusAfter(InspectionAction.START, InspectionStatus.PLANNED)).toBe(InspectionStatus.IN_PROGRESS);
  expect(transitionProblem(InspectionAction.APPROVE, at(InspectionStatus.IN_PROGRESS, true))).toBeNull();
  // Approving it leaves it started.
  expect(statusAfter(InspectionAction.APPROVE, InspectionStatus.IN_PROGRESS)).toBe(InspectionStatus.IN_PROGRESS);
  expect(transitionProblem(InspectionAction.APPROVE, at(InspectionStatus.IN_PROGRESS, true, APPROVED_AT))).toMatch(
    'cannot approve an inspection that is IN_PROGRESS',
  );
});

test('an inspection in progress that is not urgent cannot be approved (again)', () => {
  expect(
    transitionProblem(InspectionAction.APPROVE, at(InspectionStatus.IN_PROGRESS, false, APPROVED_AT)),
  ).not.toBeNull();
});

test('only an inspection in progress may finish', () => {
  expect(transitionProblem(InspectionAction.FINISH, at(InspectionStatus.IN_PROGRESS, false, APPROVED_AT))).toBeNull();
  expect(statusAfter(InspectionAction.FINISH, InspectionStatus.IN_PROGRESS)).toBe(InspectionStatus.FINISHED);
  for (const s of [
    InspectionStatus.PLANNED,
    InspectionStatus.APPROVED,
    InspectionStatus.FINISHED,
    InspectionStatus.CANCELLED,
  ])
    expect(transitionProblem(InspectionAction.FINISH, at(s, false, APPROVED_AT))).toBe(
      `cannot finish an inspection that is ${s} / 当前状态不允许此操作`,
    );
});

test('cancelling is allowed before the start, not after', () => {
  expect(transitionProblem(InspectionAction.CANCEL, at(InspectionStatus.PLANNED))).toBeNull();
  expect(transitionProblem(InspectionAction.CANCEL, at(InspectionStatus.APPROVED, false, APPROVED_AT))).toBeNull();
  expect(statusAfter(InspectionAction.CANCEL, InspectionStatus.APPROVED)).toBe(InspectionStatus.CANCELLED);
  for (const s of [InspectionStatus.IN_PROGRESS, InspectionStatus.FINISHED, InspectionStatus.CANCELLED])
    expect(transitionProblem(InspectionAction.CANCEL, at(s, true, APPROVED_AT))).toMatch('cannot cancel');
});

test('nothing starts twice or after the end', () => {
  for (const s of [InspectionStatus.IN_PROGRESS, InspectionStatus.FINISHED, InspectionStatus.CANCELLED])
    expect(transitionProblem(InspectionAction.START, at(s, true, APPROVED_AT))).toMatch('cannot start');
});
