import { PenaltyKind, WorkingCalendar } from '@tsp/shared';

import {
  DEFAULT_STATEMENT_WORKING_DAYS,
  hearingEligible,
  heavierThanNotice,
  type ProcedureFacts,
  procedureProblem,
  ProcedureReason,
  statementPeriodProblem,
} from '../src/rules/procedure';

const cal = new WorkingCalendar();
const small = { penaltyKinds: [PenaltyKind.FINE], fineAmount: '2000', confiscationAmount: null };
const large = { penaltyKinds: [PenaltyKind.FINE], fineAmount: '50000', confiscationAmount: null };
// Served the day before the National Day holiday (2026-10-01…07); 10-10 is a make-up working day.
const notice = {
  ...small,
  servedOn: '2026-09-29',
  hearingOffered: false,
  statementWorkingDays: DEFAULT_STATEMENT_WORKING_DAYS,
};
const facts = (extra: Partial<ProcedureFacts> = {}): ProcedureFacts => ({
  decision: { ...small, decidedOn: '2026-10-13' },
  largeAmount: false,
  notice,
  waivedOn: null,
  hearingRequestedOn: null,
  hearing: null,
  investigatorIds: ['inv-1', 'inv-2'],
  ...extra,
});
const reason = (f: ProcedureFacts) => procedureProblem(f, cal)?.reason ?? null;

test('§63: licence revocation and large amounts (as review judges them) need a hearing; a small fine does not', () => {
  expect(hearingEligible(small, false)).toBe(false);
  expect(hearingEligible(large, true)).toBe(true);
  expect(hearingEligible({ ...small, penaltyKinds: [PenaltyKind.LICENCE_REVOCATION], fineAmount: null }, false)).toBe(
    true,
  );
  expect(hearingEligible({ ...small, penaltyKinds: [PenaltyKind.BUSINESS_SUSPENSION] }, false)).toBe(true);
});

test('an agency sets its statement period within 3 to 15 working days', () => {
  expect(statementPeriodProblem(DEFAULT_STATEMENT_WORKING_DAYS)).toBeNull();
  expect(statementPeriodProblem(15)).toBeNull();
  expect(statementPeriodProblem(2)).toMatch(/3/);
  expect(statementPeriodProblem(16)).not.toBeNull();
  expect(statementPeriodProblem(4.5)).not.toBeNull();
});

test('§45: no new kind and no larger amount than the notice announced', () => {
  expect(heavierThanNotice(small, small)).toBe(false);
  expect(heavierThanNotice({ ...small, fineAmount: '1500' }, small)).toBe(false);
  expect(heavierThanNotice({ ...small, fineAmount: '2000.01' }, small)).toBe(true);
  expect(heavierThanNotice({ ...small, penaltyKinds: [PenaltyKind.FINE, PenaltyKind.WARNING] }, small)).toBe(true);
});

test('§44, §62: no notice, no decision', () => {
  expect(reason(facts({ notice: null }))).toBe(ProcedureReason.NO_NOTICE);
});

test('§85: the period runs on working days across the holiday; a recorded waiver ends it early', () => {
  // 09-30, 10-08, 10-09, 10-10 (make-up), 10-12: the fifth working day after service is 10-12.
  expect(reason(facts({ decision: { ...small, decidedOn: '2026-10-12' } }))).toBe(ProcedureReason.PERIOD_NOT_ELAPSED);
  expect(procedureProblem(facts({ decision: { ...small, decidedOn: '2026-10-12' } }), cal)?.why).toContain(
    '2026-10-12',
  );
  expect(reason(facts())).toBeNull();
  expect(reason(facts({ decision: { ...small, decidedOn: '2026-09-30' }, waivedOn: '2026-09-30' }))).toBeNull();
  // A waiver from before the notice is no waiver of it.
  expect(reason(facts({ decision: { ...small, decidedOn: '2026-09-30' }, waivedOn: '2026-09-28' }))).toBe(
    ProcedureReason.PERIOD_NOT_ELAPSED,
  );
});

test('a heavier decision needs a new notice; a large fine needs the hearing offered', () => {
  expect(reason(facts({ decision: { ...large, decidedOn: '2026-10-13' } }))).toBe(ProcedureReason.HEAVIER_THAN_NOTICE);
  const largeNotice = { ...notice, ...large };
  expect(
    reason(facts({ largeAmount: true, notice: largeNotice, decision: { ...large, decidedOn: '2026-10-13' } })),
  ).toBe(ProcedureReason.HEARING_NOT_OFFERED);
  expect(
    reason(
      facts({
        largeAmount: true,
        notice: { ...largeNotice, hearingOffered: true },
        decision: { ...large, decidedOn: '2026-10-13' },
      }),
    ),
  ).toBeNull();
});

test('§64: a hearing asked for in time is held first, chaired by a non-investigator, noticed 7 working days before, recorded', () => {
  const base = {
    largeAmount: true,
    notice: { ...notice, ...large, hearingOffered: true },
    hearingRequestedOn: '2026-10-09',
    decision: { ...large, decidedOn: '2026-10-30' },
  };
  const hearing = { chairOfficerId: 'chair', noticeServedOn: '2026-10-12', heldOn: '2026-10-21', recorded: true };
  expect(reason(facts(base))).toBe(ProcedureReason.HEARING_NOT_HELD);
  expect(reason(facts({ ...base, hearing }))).toBeNull();
  expect(reason(facts({ ...base, hearing: { ...hearing, chairOfficerId: 'inv-2' } }))).toBe(
    ProcedureReason.HEARING_IMPROPER,
  );
  // 7 working days after 10-12 is 10-21: a hearing on 10-20 was noticed too late.
  expect(reason(facts({ ...base, hearing: { ...hearing, heldOn: '2026-10-20' } }))).toBe(
    ProcedureReason.HEARING_IMPROPER,
  );
  expect(reason(facts({ ...base, hearing: { ...hearing, recorded: false } }))).toBe(ProcedureReason.HEARING_IMPROPER);
  expect(reason(facts({ ...base, hearing: { ...hearing, noticeServedOn: null } }))).toBe(
    ProcedureReason.HEARING_IMPROPER,
  );
  // Asked after the 5-working-day window (it closed on 10-12): no hearing is owed.
  expect(reason(facts({ ...base, hearingRequestedOn: '2026-10-13' }))).toBeNull();
});

test('a hearing the notice offered is owed once asked for in time, even for a penalty §63 does not list', () => {
  const offered = { notice: { ...notice, hearingOffered: true }, hearingRequestedOn: '2026-10-09' };
  expect(reason(facts(offered))).toBe(ProcedureReason.HEARING_NOT_HELD);
  // Not offered and not required: a request changes nothing.
  expect(reason(facts({ hearingRequestedOn: '2026-10-09' }))).toBeNull();
});

test('§44, §62: a decision dated before the notice, or before the waiver it relies on, is not made after them', () => {
  const waivedNow = { waivedOn: '2026-09-30' };
  // Waived the day after service; a decision dated the day before service still heard nobody.
  expect(reason(facts({ ...waivedNow, decision: { ...small, decidedOn: '2026-09-28' } }))).toBe(
    ProcedureReason.NO_NOTICE,
  );
  // A waiver given after the decision's day did not open the way to it.
  expect(reason(facts({ waivedOn: '2026-10-09', decision: { ...small, decidedOn: '2026-10-08' } }))).toBe(
    ProcedureReason.PERIOD_NOT_ELAPSED,
  );
});

test('§64: a hearing held before the notice it answers is no hearing of that notice', () => {
  const base = {
    largeAmount: true,
    notice: { ...notice, ...large, hearingOffered: true },
    hearingRequestedOn: '2026-10-09',
    decision: { ...large, decidedOn: '2026-10-30' },
  };
  // Held (on an earlier notice) the week before this one was served.
  const earlier = { chairOfficerId: 'chair', noticeServedOn: '2026-09-10', heldOn: '2026-09-21', recorded: true };
  expect(reason(facts({ ...base, hearing: earlier }))).toBe(ProcedureReason.HEARING_NOT_HELD);
});
