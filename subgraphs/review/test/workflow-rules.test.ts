import { EnforcementCategory, Role } from '@tsp/shared';

import { applicableItems, blankChecklist } from '../src/rules/checklist';
import { assertConcludingReviewer, assertConclusion } from '../src/rules/conclusion';
import { checkMeetingDay } from '../src/rules/coordination';
import { assertMayEscalate, assertMaySubmit } from '../src/rules/handler';
import { ReviewOutcome } from '../src/rules/status';

/** The error's code and field, or OK. */
const outcome = (f: () => void) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    const x = (e as { extensions: { code: string; field?: string } }).extensions;
    return x.field ? `${x.code} ${x.field}` : x.code;
  }
};

describe('who submits and who escalates', () => {
  test('a handler or the agency head submits; an officer who does not handle the case is refused', () => {
    expect(outcome(() => assertMaySubmit({ role: Role.OFFICER, officerId: 'h-1', handlerIds: ['h-1'] }))).toBe('OK');
    expect(outcome(() => assertMaySubmit({ role: Role.AGENCY_HEAD, officerId: 'head', handlerIds: ['h-1'] }))).toBe(
      'OK',
    );
    expect(outcome(() => assertMaySubmit({ role: Role.OFFICER, officerId: 'other', handlerIds: ['h-1'] }))).toBe(
      'FORBIDDEN',
    );
  });

  test('only a handler escalates', () => {
    expect(outcome(() => assertMayEscalate({ officerId: 'h-1', handlerIds: ['h-1', 'h-2'] }))).toBe('OK');
    expect(outcome(() => assertMayEscalate({ officerId: 'other', handlerIds: ['h-1'] }))).toBe('FORBIDDEN');
  });
});

describe("the reviewer's conclusion", () => {
  const P = EnforcementCategory.PENALTY;
  const lawful = applicableItems(P).map((i) => ({ code: i.code, answer: i.passingAnswer, comment: null }));

  test('only the reviewer who started the review concludes it', () => {
    expect(outcome(() => assertConcludingReviewer({ officerId: 'rev-1', reviewerId: 'rev-1' }))).toBe('OK');
    expect(outcome(() => assertConcludingReviewer({ officerId: 'rev-2', reviewerId: 'rev-1' }))).toBe('FORBIDDEN');
  });

  test('PASS needs the lawful form; RETURN and FAIL need an opinion', () => {
    expect(outcome(() => assertConclusion(ReviewOutcome.PASS, P, lawful, null))).toBe('OK');
    expect(outcome(() => assertConclusion(ReviewOutcome.PASS, P, blankChecklist(P), null))).toBe(
      'BAD_USER_INPUT checklist',
    );
    expect(outcome(() => assertConclusion(ReviewOutcome.RETURN, P, blankChecklist(P), '补充听证笔录'))).toBe('OK');
    expect(outcome(() => assertConclusion(ReviewOutcome.RETURN, P, lawful, null))).toBe('BAD_USER_INPUT opinion');
    expect(outcome(() => assertConclusion(ReviewOutcome.FAIL, P, lawful, null))).toBe('BAD_USER_INPUT opinion');
  });
});

describe("the collective decision's meeting day", () => {
  test('on or after the escalation day and not after today', () => {
    expect(outcome(() => checkMeetingDay('2026-03-02', '2026-03-02', '2026-03-05'))).toBe('OK');
    expect(outcome(() => checkMeetingDay('2026-03-05', null, '2026-03-05'))).toBe('OK');
    expect(outcome(() => checkMeetingDay('2026-03-06', '2026-03-02', '2026-03-05'))).toBe('BAD_USER_INPUT meetingOn');
    expect(outcome(() => checkMeetingDay('2026-03-01', '2026-03-02', '2026-03-05'))).toBe('BAD_USER_INPUT meetingOn');
  });
});
