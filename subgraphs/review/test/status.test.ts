import { assertCanEscalate, assertTransition, outcomeStatus, ReviewOutcome, ReviewStatus } from '../src/rules/status';

const code = (f: () => void) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
};

describe('review status transitions', () => {
  test('SUBMITTED → IN_REVIEW → PASSED / RETURNED / FAILED', () => {
    expect(code(() => assertTransition(ReviewStatus.SUBMITTED, 'start'))).toBe('OK');
    expect(code(() => assertTransition(ReviewStatus.IN_REVIEW, 'complete'))).toBe('OK');
    expect(outcomeStatus(ReviewOutcome.PASS)).toBe(ReviewStatus.PASSED);
    expect(outcomeStatus(ReviewOutcome.RETURN)).toBe(ReviewStatus.RETURNED);
    expect(outcomeStatus(ReviewOutcome.FAIL)).toBe(ReviewStatus.FAILED);
  });
  test('skipping or going back is a CONFLICT', () => {
    expect(code(() => assertTransition(ReviewStatus.SUBMITTED, 'complete'))).toBe('CONFLICT');
    expect(code(() => assertTransition(ReviewStatus.PASSED, 'start'))).toBe('CONFLICT');
    expect(code(() => assertTransition(ReviewStatus.PASSED, 'complete'))).toBe('CONFLICT');
  });
  test('escalation from RETURNED or FAILED only, once', () => {
    expect(code(() => assertCanEscalate(ReviewStatus.FAILED, false))).toBe('OK');
    expect(code(() => assertCanEscalate(ReviewStatus.RETURNED, false))).toBe('OK');
    expect(code(() => assertCanEscalate(ReviewStatus.PASSED, false))).toBe('CONFLICT');
    expect(code(() => assertCanEscalate(ReviewStatus.FAILED, true))).toBe('CONFLICT');
    expect(code(() => assertTransition(ReviewStatus.COORDINATION, 'coordinate'))).toBe('OK');
    expect(code(() => assertTransition(ReviewStatus.FAILED, 'coordinate'))).toBe('CONFLICT');
  });
  test('countersigning follows a conclusion', () => {
    expect(code(() => assertTransition(ReviewStatus.IN_REVIEW, 'countersign'))).toBe('CONFLICT');
    expect(code(() => assertTransition(ReviewStatus.RETURNED, 'countersign'))).toBe('OK');
  });
});
