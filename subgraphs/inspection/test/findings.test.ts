import { FindingKind, WorkingCalendar } from '@tsp/shared';

import { DEFAULT_CAPS } from '../src/rules/caps';
import { type InspectionFact, type InspectionFindingFacts, inspectionFindings } from '../src/rules/findings';
import { InspectionKind, InspectionStatus } from '../src/rules/kinds';

// The real official calendar (chinese-days data), so holidays and make-up days are the State Council's.
const cal = new WorkingCalendar();
const at = (s: string) => new Date(`${s}+08:00`);

/** A finished, approved-before-start targeted visit with nothing wrong, by agency A to enterprise E1. */
function fact(id: string, startedAt: string, over: Partial<InspectionFact> = {}): InspectionFact {
  const start = at(startedAt);
  return {
    id,
    agencyId: 'A',
    agencyIds: ['A'],
    kind: InspectionKind.TARGETED,
    status: InspectionStatus.FINISHED,
    approvedAt: new Date(start.getTime() - 86_400_000),
    startedAt: start,
    startedOn: startedAt.slice(0, 10),
    enterpriseIds: ['E1'],
    items: [],
    ratings: [],
    ...over,
  };
}

/** The visits the inspections themselves make (what the caller loads from the started inspections). */
const visitsOf = (facts: InspectionFact[]) =>
  facts.flatMap((f) =>
    f.enterpriseIds.map((enterpriseId) => ({
      inspectionId: f.id,
      enterpriseId,
      agencyIds: f.agencyIds,
      kind: f.kind,
      day: f.startedOn!,
      startedAt: f.startedAt!,
    })),
  );

function findings(inspections: InspectionFact[], today: string, over: Partial<InspectionFindingFacts> = {}) {
  return inspectionFindings({ inspections, visits: visitsOf(inspections), caps: DEFAULT_CAPS, cal, today, ...over });
}
const of = (kind: FindingKind, fs: ReturnType<typeof findings>) => fs.filter((f) => f.kind === kind);

test('the 2026 National Day holiday is 10-01 to 10-07, with 09-30 and 10-08 working days', () => {
  expect(cal.isWorkingDay('2026-09-30')).toBe(true);
  for (let d = 1; d <= 7; d++) expect(cal.isWorkingDay(`2026-10-0${d}`)).toBe(false);
  expect(cal.isWorkingDay('2026-10-08')).toBe(true);
  // Saturday 10-10 is a make-up working day (调休), Sunday 10-11 is not.
  expect(cal.isWorkingDay('2026-10-10')).toBe(true);
  expect(cal.isWorkingDay('2026-10-11')).toBe(false);
});

test('a visit approved before it started, with nothing else wrong, is no finding', () => {
  expect(findings([fact('ok', '2026-03-02T10:00:00')], '2026-06-01')).toEqual([]);
});

test('an inspection not started is judged on nothing, even unapproved and long past', () => {
  const planned = fact('p', '2026-03-02T10:00:00', {
    status: InspectionStatus.PLANNED,
    approvedAt: null,
    startedAt: null,
    startedOn: null,
  });
  expect(findings([planned], '2026-12-31', { visits: [] })).toEqual([]);
});

describe('an urgent visit started the day before the National Day holiday', () => {
  const urgent = (approvedAt: Date | null) =>
    fact('u', '2026-09-30T15:00:00', { status: InspectionStatus.IN_PROGRESS, approvedAt });

  test('its approval may catch up on the first working day after the holiday, to the end of that day', () => {
    expect(
      of(FindingKind.INSPECTION_WITHOUT_APPROVAL, findings([urgent(at('2026-10-08T09:00:00'))], '2026-10-08')),
    ).toEqual([]);
    expect(
      of(FindingKind.INSPECTION_WITHOUT_APPROVAL, findings([urgent(at('2026-10-08T23:59:00'))], '2026-10-09')),
    ).toEqual([]);
  });

  test('approved on the second working day is late', () => {
    const [f] = of(
      FindingKind.INSPECTION_WITHOUT_APPROVAL,
      findings([urgent(at('2026-10-09T09:00:00'))], '2026-10-09'),
    );
    expect(f).toMatchObject({ agency: { id: 'A' }, subjectId: 'u', since: at('2026-09-30T15:00:00') });
    expect(f.detail).toMatch('批准补办晚于 2026-10-08');
  });

  test('not approved: no finding during the holiday or on 10-08, a finding from 10-09', () => {
    expect(of(FindingKind.INSPECTION_WITHOUT_APPROVAL, findings([urgent(null)], '2026-10-05'))).toEqual([]);
    expect(of(FindingKind.INSPECTION_WITHOUT_APPROVAL, findings([urgent(null)], '2026-10-08'))).toEqual([]);
    const [f] = of(FindingKind.INSPECTION_WITHOUT_APPROVAL, findings([urgent(null)], '2026-10-09'));
    expect(f.detail).toMatch('未经负责人批准');
  });

  test('its outcome is due 5 working days later, 10-13 (10-08, 10-09, 10-10 make-up, 10-12, 10-13)', () => {
    const approved = urgent(at('2026-10-08T09:00:00'));
    expect(of(FindingKind.INSPECTION_OUTCOME_OVERDUE, findings([approved], '2026-10-13'))).toEqual([]);
    const [f] = of(FindingKind.INSPECTION_OUTCOME_OVERDUE, findings([approved], '2026-10-14'));
    expect(f).toMatchObject({ subjectId: 'u', since: at('2026-10-14T00:00:00') });
    expect(f.detail).toMatch('no outcome recorded by 2026-10-13');
    // Finished: no outcome is overdue, however late.
    const finished = { ...approved, status: InspectionStatus.FINISHED };
    expect(of(FindingKind.INSPECTION_OUTCOME_OVERDUE, findings([finished], '2026-12-31'))).toEqual([]);
  });
});

test('over the daily cap: only the later visit of the day, naming the earlier one', () => {
  const morning = fact('morning', '2026-03-02T09:00:00');
  const afternoon = fact('afternoon', '2026-03-02T14:00:00', { agencyId: 'B', agencyIds: ['B'] });
  const over = of(FindingKind.INSPECTION_OVER_CAP, findings([morning, afternoon], '2026-03-03'));
  expect(over.map((f) => f.subjectId)).toEqual(['afternoon']);
  expect(over[0].agency).toEqual({ id: 'B' });
  expect(over[0].detail).toMatch('每日 per day ≤ 1');
  expect(over[0].detail).toMatch('earlier: morning (2026-03-02)');
  // On different days neither is over the cap.
  const nextDay = fact('next', '2026-03-03T14:00:00', { agencyId: 'B', agencyIds: ['B'] });
  expect(of(FindingKind.INSPECTION_OVER_CAP, findings([morning, nextDay], '2026-03-04'))).toEqual([]);
});

describe('routine visits by different agencies that should have been one joint visit', () => {
  const first = fact('first', '2026-03-02T10:00:00', { kind: InspectionKind.ROUTINE });
  const second = (startedAt: string, over: Partial<InspectionFact> = {}) =>
    fact('second', startedAt, { agencyId: 'B', agencyIds: ['B'], kind: InspectionKind.ROUTINE, ...over });

  test('30 days apart is a finding on the later visit', () => {
    const found = of(
      FindingKind.INSPECTIONS_NOT_JOINED,
      findings([first, second('2026-04-01T09:00:00')], '2026-04-02'),
    );
    expect(found.map((f) => f.subjectId)).toEqual(['second']);
    expect(found[0].detail).toMatch('first (2026-03-02)');
  });

  test('31 days apart is not', () => {
    expect(
      of(FindingKind.INSPECTIONS_NOT_JOINED, findings([first, second('2026-04-02T09:00:00')], '2026-04-03')),
    ).toEqual([]);
  });

  test('a joint visit is what was asked for, and the same agency twice is not 多头检查', () => {
    const joint = second('2026-03-10T09:00:00', { kind: InspectionKind.JOINT, agencyIds: ['B', 'C'] });
    expect(of(FindingKind.INSPECTIONS_NOT_JOINED, findings([first, joint], '2026-03-11'))).toEqual([]);
    const sameAgency = second('2026-03-10T09:00:00', { agencyId: 'A', agencyIds: ['A'] });
    expect(of(FindingKind.INSPECTIONS_NOT_JOINED, findings([first, sameAgency], '2026-03-11'))).toEqual([]);
  });
});

test('a rating of 2 or less is a finding since the rating; 3 is not', () => {
  const ratedAt = at('2026-03-05T10:00:00');
  const rated = (score: number) =>
    fact('r', '2026-03-02T10:00:00', { ratings: [{ enterpriseId: 'E1', score, ratedAt }] });
  const [f] = of(FindingKind.INSPECTION_POORLY_RATED, findings([rated(2)], '2026-03-06'));
  expect(f).toMatchObject({ subjectId: 'r', since: ratedAt });
  expect(f.detail).toMatch('rated the visit 2 of 5');
  expect(of(FindingKind.INSPECTION_POORLY_RATED, findings([rated(3)], '2026-03-06'))).toEqual([]);
});

test('items retired before the start or of another agency are outside the published list', () => {
  const items = [
    { itemId: 'retired-before', agencyId: 'A', retiredAt: at('2026-03-01T17:00:00') },
    { itemId: 'other-agency', agencyId: 'Z', retiredAt: null },
    { itemId: 'retired-after', agencyId: 'A', retiredAt: at('2026-03-02T11:00:00') },
    { itemId: 'partner', agencyId: 'B', retiredAt: null },
  ];
  const i = fact('i', '2026-03-02T10:00:00', { agencyIds: ['A', 'B'], kind: InspectionKind.JOINT, items });
  const found = of(FindingKind.INSPECTION_OUTSIDE_ITEMS, findings([i], '2026-03-03'));
  expect(found).toHaveLength(1);
  expect(found[0].detail).toMatch(/: retired-before, other-agency$/);
  const onList = { ...i, items: items.slice(2) };
  expect(of(FindingKind.INSPECTION_OUTSIDE_ITEMS, findings([onList], '2026-03-03'))).toEqual([]);
});
