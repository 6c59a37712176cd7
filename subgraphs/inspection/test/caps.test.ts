import {
  capBreaches,
  CapKind,
  capMessage,
  capsProblem,
  countedDays,
  DEFAULT_CAPS,
  type FrequencyCaps,
  MAX_CAP,
  type Visit,
  weekStart,
} from '../src/rules/caps';
import { InspectionKind } from '../src/rules/kinds';

// Caps loose enough that a test only meets the one it is about.
const LOOSE: FrequencyCaps = { perDay: 100, perWeek: 100, perMonth: 100, routinePerAgencyYear: 100 };
const E = 'enterprise-1';
let n = 0;
const visit = (day: string, agencyIds: string[] = ['A'], kind = InspectionKind.TARGETED, id?: string): Visit => ({
  inspectionId: id ?? `i${++n}`,
  enterpriseId: E,
  agencyIds,
  kind,
  day,
});
const kinds = (caps: FrequencyCaps, v: Visit, others: Visit[]) => capBreaches(caps, v, others).map((b) => b.cap);

test('the default caps are Chengdu burst limits and two routine visits per agency and year', () => {
  expect(DEFAULT_CAPS).toEqual({ perDay: 1, perWeek: 2, perMonth: 3, routinePerAgencyYear: 2 });
  expect(capsProblem(DEFAULT_CAPS)).toBeNull();
  expect(capsProblem({ ...DEFAULT_CAPS, perMonth: MAX_CAP })).toBeNull();
});

test('caps are whole numbers from 1 to 1000', () => {
  expect(capsProblem({ ...DEFAULT_CAPS, perDay: 0 })).toBe('perDay');
  expect(capsProblem({ ...DEFAULT_CAPS, perWeek: 1.5 })).toBe('perWeek');
  expect(capsProblem({ ...DEFAULT_CAPS, perMonth: 1001 })).toBe('perMonth');
  expect(capsProblem({ ...DEFAULT_CAPS, routinePerAgencyYear: Number.NaN })).toBe('routinePerAgencyYear');
});

test('weeks start on Monday: a Sunday belongs to the week before the next Monday', () => {
  expect(weekStart('2026-03-02')).toBe('2026-03-02'); // Monday
  expect(weekStart('2026-03-08')).toBe('2026-03-02'); // Sunday
  expect(weekStart('2026-03-09')).toBe('2026-03-09'); // the next Monday
  expect(weekStart('2026-01-01')).toBe('2025-12-29'); // a Thursday, across the year end
});

test('a second visit on one day breaks the daily cap, whichever agency makes it', () => {
  const first = visit('2026-03-02', ['A']);
  const second = visit('2026-03-02', ['B']);
  const breaches = capBreaches({ ...LOOSE, perDay: 1 }, second, [first]);
  expect(breaches).toEqual([{ cap: CapKind.PER_DAY, limit: 1, enterpriseId: E, agencyId: null, earlier: [first] }]);
  expect(kinds({ ...LOOSE, perDay: 1 }, second, [visit('2026-03-03', ['A'])])).toEqual([]);
});

test('a joint inspection by three agencies is one visit', () => {
  const joint = visit('2026-03-02', ['A', 'B', 'C'], InspectionKind.JOINT);
  const caps = { ...LOOSE, perWeek: 2 };
  expect(kinds(caps, visit('2026-03-04', ['D']), [joint])).toEqual([]);
  expect(kinds(caps, visit('2026-03-04', ['D']), [joint, visit('2026-03-03', ['E'])])).toEqual([CapKind.PER_WEEK]);
});

test('the weekly cap counts Monday to Sunday', () => {
  const caps = { ...LOOSE, perWeek: 2 };
  const earlier = [visit('2026-03-02'), visit('2026-03-04')];
  const sunday = capBreaches(caps, visit('2026-03-08'), earlier);
  expect(sunday.map((b) => b.cap)).toEqual([CapKind.PER_WEEK]);
  expect(sunday[0].earlier).toEqual(earlier);
  expect(kinds(caps, visit('2026-03-09'), earlier)).toEqual([]);
});

test('the monthly cap counts calendar months', () => {
  const caps = { ...LOOSE, perMonth: 3 };
  const march = [visit('2026-03-02'), visit('2026-03-10'), visit('2026-03-20')];
  expect(kinds(caps, visit('2026-03-31'), march)).toEqual([CapKind.PER_MONTH]);
  expect(kinds(caps, visit('2026-04-01'), march)).toEqual([]);
});

test('the yearly routine cap counts routine and joint visits by the agency, not targeted ones', () => {
  const caps = { ...LOOSE, routinePerAgencyYear: 2 };
  const routine = visit('2026-02-10', ['A'], InspectionKind.ROUTINE);
  const joint = visit('2026-05-12', ['B', 'A'], InspectionKind.JOINT);
  const breaches = capBreaches(caps, visit('2026-09-15', ['A'], InspectionKind.ROUTINE), [joint, routine]);
  expect(breaches).toEqual([
    { cap: CapKind.ROUTINE_PER_AGENCY_YEAR, limit: 2, enterpriseId: E, agencyId: 'A', earlier: [routine, joint] },
  ]);
  // A targeted visit neither counts nor is counted.
  const targeted = visit('2026-05-12', ['A'], InspectionKind.TARGETED);
  expect(kinds(caps, visit('2026-09-15', ['A'], InspectionKind.ROUTINE), [routine, targeted])).toEqual([]);
  expect(kinds(caps, visit('2026-09-15', ['A'], InspectionKind.TARGETED), [routine, joint])).toEqual([]);
  // Last year's visits and another agency's do not count.
  const lastYear = visit('2025-11-03', ['A'], InspectionKind.ROUTINE);
  expect(kinds(caps, visit('2026-09-15', ['A'], InspectionKind.ROUTINE), [routine, lastYear])).toEqual([]);
  expect(kinds(caps, visit('2026-09-15', ['C'], InspectionKind.ROUTINE), [routine, joint])).toEqual([]);
});

test('a joint visit is checked against each of its agencies', () => {
  const caps = { ...LOOSE, routinePerAgencyYear: 1 };
  const earlier = visit('2026-02-10', ['B'], InspectionKind.ROUTINE);
  const breaches = capBreaches(caps, visit('2026-09-15', ['A', 'B'], InspectionKind.JOINT), [earlier]);
  expect(breaches.map((b) => [b.cap, b.agencyId])).toEqual([[CapKind.ROUTINE_PER_AGENCY_YEAR, 'B']]);
});

test('the inspection is not counted against itself, nor are visits to other enterprises', () => {
  const self = visit('2026-03-02', ['A'], InspectionKind.ROUTINE, 'self');
  const elsewhere = { ...visit('2026-03-02'), enterpriseId: 'enterprise-2' };
  expect(kinds(DEFAULT_CAPS, self, [{ ...self }, elsewhere])).toEqual([]);
});

test('the message names each cap with the earlier inspections and their days, oldest first', () => {
  // Given newest first; listed oldest first.
  const wednesday = visit('2026-03-04', ['A'], InspectionKind.TARGETED, 'insp-b');
  const monday = visit('2026-03-02', ['B'], InspectionKind.TARGETED, 'insp-a');
  const third = visit('2026-03-04', ['C'], InspectionKind.TARGETED, 'insp-c');
  const message = capMessage(capBreaches(DEFAULT_CAPS, third, [wednesday, monday]));
  expect(message).toBe(
    `检查频次超过上限 每日 per day ≤ 1 for enterprise ${E}; earlier: insp-b (2026-03-04); ` +
      `检查频次超过上限 每周 per week ≤ 2 for enterprise ${E}; earlier: insp-a (2026-03-02), insp-b (2026-03-04)`,
  );
  expect(capMessage([])).toBe('');
});

test('the visits counted for a day cover its year and its whole week, also where the week crosses New Year', () => {
  expect(countedDays('2026-06-10')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  // 2026-01-01 is a Thursday: its week began on Monday 2025-12-29.
  expect(countedDays('2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-12-31' });
  // 2025-12-31 is a Wednesday: its week ends on Sunday 2026-01-04.
  expect(countedDays('2025-12-31')).toEqual({ from: '2025-01-01', to: '2026-01-04' });
  // And the rule then sees the December visit in January's week.
  const december = visit('2025-12-31');
  expect(kinds({ ...LOOSE, perWeek: 1 }, visit('2026-01-01'), [december])).toEqual([CapKind.PER_WEEK]);
});
