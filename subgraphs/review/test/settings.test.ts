import { checkReviewDays, partyThresholds, positiveOrNull } from '../src/rules/settings';
import { MAX_REVIEW_DAYS } from '../src/rules/thresholds';

const outcome = (f: () => unknown) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    const x = (e as { extensions: { code: string; field?: string } }).extensions;
    return `${x.code} ${x.field}`;
  }
};

describe("an agency's review time limits", () => {
  test('whole working days within 1…MAX_REVIEW_DAYS, complex not shorter than normal', () => {
    expect(outcome(() => checkReviewDays(5, 10))).toBe('OK');
    expect(outcome(() => checkReviewDays(MAX_REVIEW_DAYS, MAX_REVIEW_DAYS))).toBe('OK');
    expect(outcome(() => checkReviewDays(0, 10))).toBe('BAD_USER_INPUT normalDays');
    expect(outcome(() => checkReviewDays(5, MAX_REVIEW_DAYS + 1))).toBe('BAD_USER_INPUT complexDays');
    expect(outcome(() => checkReviewDays(2.5, 10))).toBe('BAD_USER_INPUT normalDays');
    expect(outcome(() => checkReviewDays(10, 5))).toBe('BAD_USER_INPUT complexDays');
  });
});

describe('amount thresholds', () => {
  test('an amount is more than 0 yuan, or absent', () => {
    expect(positiveOrNull('x', null)).toBeNull();
    expect(positiveOrNull('x', '0.01')).toBe('0.01');
    expect(outcome(() => positiveOrNull('x', '0'))).toBe('BAD_USER_INPUT x');
  });

  test('a threshold sets at least one party type; each side names its field', () => {
    expect(partyThresholds('fineThreshold', null)).toEqual([null, null]);
    expect(partyThresholds('fineThreshold', { organization: '50000' })).toEqual([null, '50000']);
    expect(outcome(() => partyThresholds('fineThreshold', {}))).toBe('BAD_USER_INPUT fineThreshold');
    expect(outcome(() => partyThresholds('fineThreshold', { naturalPerson: '-1' }))).toBe(
      'BAD_USER_INPUT fineThreshold.naturalPerson',
    );
  });
});
