import { reviewerStaffing } from '../src/rules/staffing';

describe('法制审核人员配备 reviewer staffing: at least 5% of enforcement officers, never fewer than 1', () => {
  test.each([
    // [enforcement officers, required reviewers]
    [0, 1],
    [1, 1],
    [19, 1],
    [20, 1],
    [21, 2],
    [40, 2],
    [41, 3],
    [60, 3],
    [100, 5],
    [101, 6],
  ])('%i enforcement officers need %i reviewers', (officers, required) => {
    expect(reviewerStaffing(officers, 0).required).toBe(required);
  });

  test('an agency with no enforcement officers still needs one reviewer', () => {
    expect(reviewerStaffing(0, 0)).toEqual({
      enforcementOfficers: 0,
      legalReviewers: 0,
      required: 1,
      compliant: false,
    });
    expect(reviewerStaffing(0, 1).compliant).toBe(true);
  });

  test('exactly the required number meets the rule; one fewer breaks it', () => {
    expect(reviewerStaffing(21, 2).compliant).toBe(true);
    expect(reviewerStaffing(21, 1).compliant).toBe(false);
    expect(reviewerStaffing(40, 2).compliant).toBe(true);
    expect(reviewerStaffing(40, 1).compliant).toBe(false);
    expect(reviewerStaffing(19, 1).compliant).toBe(true);
    expect(reviewerStaffing(20, 1).compliant).toBe(true);
  });

  test('more reviewers than required is compliant', () => {
    expect(reviewerStaffing(10, 3)).toEqual({
      enforcementOfficers: 10,
      legalReviewers: 3,
      required: 1,
      compliant: true,
    });
  });
});
