import { loadCalendar } from '../../shared/src/calendar/store';
import {
  addCalendarDays,
  addCalendarMonths,
  BUNDLED_YEARS,
  WorkingCalendar,
} from '../../shared/src/calendar/working-days';
import { Role } from '../../shared/src/identity/roles';
import { type Platform, startPlatform, token } from '../kit/platform';

const bundled = new WorkingCalendar();

describe('工作日历 bundled official schedule (chinese-days 1.5.7)', () => {
  test('2026 National Day: 1–7 October are holidays, Sunday 20 September and Saturday 10 October are make-up working days', () => {
    for (let d = 1; d <= 7; d++) expect(bundled.isWorkingDay(`2026-10-0${d}`)).toBe(false);
    expect(bundled.isWorkingDay('2026-09-30')).toBe(true);
    expect(bundled.isWorkingDay('2026-10-08')).toBe(true);
    // 调休: weekend days that are working days
    expect(bundled.isWorkingDay('2026-09-20')).toBe(true);
    expect(bundled.isWorkingDay('2026-10-10')).toBe(true);
    // an ordinary weekend around it stays a rest day
    expect(bundled.isWorkingDay('2026-09-19')).toBe(false);
    expect(bundled.isWorkingDay('2026-10-11')).toBe(false);
  });

  test('2026 Spring Festival: 15–23 February off, Saturdays 14 and 28 February worked', () => {
    for (let d = 15; d <= 23; d++) expect(bundled.isWorkingDay(`2026-02-${d}`)).toBe(false);
    expect(bundled.isWorkingDay('2026-02-14')).toBe(true);
    expect(bundled.isWorkingDay('2026-02-28')).toBe(true);
    expect(bundled.isWorkingDay('2026-02-24')).toBe(true);
  });

  test('an ordinary week: Monday–Friday working, weekend not', () => {
    expect(
      ['2026-06-08', '2026-06-09', '2026-06-10', '2026-06-11', '2026-06-12'].every((d) => bundled.isWorkingDay(d)),
    ).toBe(true);
    expect(bundled.isWorkingDay('2026-06-13')).toBe(false);
    expect(bundled.isWorkingDay('2026-06-14')).toBe(false);
  });

  test('the bundled data ends with 2026', () => {
    expect(BUNDLED_YEARS.to).toBe(2026);
    expect(bundled.knowsYear(2026)).toBe(true);
    expect(bundled.knowsYear(2027)).toBe(false);
  });
});

describe('addWorkingDays', () => {
  test('the start day is not counted', () => {
    expect(bundled.addWorkingDays('2026-06-08', 1)).toBe('2026-06-09');
    expect(bundled.addWorkingDays('2026-06-08', 0)).toBe('2026-06-08');
  });
  test('across a weekend', () => {
    expect(bundled.addWorkingDays('2026-06-12', 1)).toBe('2026-06-15');
  });
  test('across National Day: 7 working days from 29 September land on 14 October (Saturday 10 October is a make-up day)', () => {
    // 30 Sep (1), 8 Oct (2), 9 Oct (3), 10 Oct Sat make-up (4), 12 Oct (5), 13 Oct (6), 14 Oct (7)
    expect(bundled.addWorkingDays('2026-09-29', 7)).toBe('2026-10-14');
    expect(bundled.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    expect(bundled.addWorkingDays('2026-10-09', 1)).toBe('2026-10-10');
  });
  test('across Spring Festival: the first working day after 13 February is the make-up Saturday, then 24 February', () => {
    expect(bundled.addWorkingDays('2026-02-13', 1)).toBe('2026-02-14');
    expect(bundled.addWorkingDays('2026-02-13', 2)).toBe('2026-02-24');
  });
  test('20 working days is not 4 calendar weeks when a holiday is in between', () => {
    const due = bundled.addWorkingDays('2026-09-21', 20);
    expect(due).not.toBe('2026-10-19');
    expect(bundled.workingDaysBetween('2026-09-21', due)).toBe(20);
  });
  test('negative or fractional counts are refused', () => {
    expect(() => bundled.addWorkingDays('2026-06-08', -1)).toThrow(RangeError);
    expect(() => bundled.addWorkingDays('2026-06-08', 1.5)).toThrow(RangeError);
  });
});

describe('overrides win over bundled data', () => {
  test('declaring 2027-01-01 (a Friday, unknown to the bundle) a holiday', () => {
    expect(bundled.isWorkingDay('2027-01-01')).toBe(true);
    const cal = new WorkingCalendar(new Map([['2027-01-01', false]]));
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.knowsYear(2027)).toBe(true);
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    expect(bundled.addWorkingDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  test('an override can also turn a bundled holiday back into a working day', () => {
    const cal = new WorkingCalendar(new Map([['2026-10-05', true]]));
    expect(cal.isWorkingDay('2026-10-05')).toBe(true);
    expect(cal.addWorkingDays('2026-09-30', 1)).toBe('2026-10-05');
  });
});

describe('calendar arithmetic', () => {
  test('addCalendarDays crosses months, years and leap days', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });
  test('addCalendarMonths clamps to the end of a shorter month', () => {
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2026-05-15', 36)).toBe('2029-05-15');
  });
});

describe('ADMIN loads a newly announced year through the gateway (calendar.day_override)', () => {
  let p: Platform;
  beforeAll(async () => {
    p = await startPlatform();
  });
  afterAll(async () => {
    await p?.stop();
  });

  const LOAD = `mutation($days: [WorkingDayInput!]!) { loadWorkingDayCalendar(days: $days) }`;
  const days = [
    { date: '2027-01-01', working: false, note: '元旦' },
    { date: '2027-02-06', working: true, note: '春节调休' },
  ];

  test('only an ADMIN may load the schedule', async () => {
    const officer = await token({ role: Role.OFFICER, sub: 'o-1', agencyId: '00000000-0000-4000-8000-000000000001' });
    const r = await p.gql(LOAD, { days }, { token: officer });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anon = await p.gql(LOAD, { days });
    expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const sup = await p.gql(
      LOAD,
      { days },
      { token: await token({ role: Role.SUPERVISOR, sub: 's-1', region: '宁晋县' }) },
    );
    expect(sup.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const listed = await p.gql(`{ workingDayOverrides(year: 2027) { date } }`);
    expect(listed.data.workingDayOverrides).toEqual([]);
  });

  test('a bad date is refused as BAD_USER_INPUT and nothing is saved', async () => {
    const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
    const r = await p.gql(
      LOAD,
      {
        days: [
          { date: '2027-03-01', working: false, note: 'ok' },
          { date: '2027-02-30', working: false, note: 'x' },
        ],
      },
      { token: admin },
    );
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/2027-02-30/);
    const listed = await p.gql(`{ workingDayOverrides(year: 2027) { date } }`);
    expect(listed.data.workingDayOverrides).toEqual([]);
  });

  test('saved days are listed and win in loadCalendar, and a repeated load updates rather than duplicates', async () => {
    const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
    const r = await p.gql(LOAD, { days }, { token: admin });
    expect(r.errors).toBeUndefined();
    expect(r.data.loadWorkingDayCalendar).toBe(2);
    const again = await p.gql(
      LOAD,
      { days: [{ date: '2027-01-01', working: false, note: '元旦（国办发明电）' }] },
      { token: admin },
    );
    expect(again.data.loadWorkingDayCalendar).toBe(1);

    const listed = await p.gql(`{ workingDayOverrides(year: 2027) { date working note } }`);
    expect(listed.data.workingDayOverrides).toEqual([
      { date: '2027-01-01', working: false, note: '元旦（国办发明电）' },
      { date: '2027-02-06', working: true, note: '春节调休' },
    ]);

    // What every subgraph's rules use: the stored overrides on top of the bundled data.
    const cal = await loadCalendar(p.subgraphs.records.orm.em.fork());
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-06')).toBe(true); // a Saturday
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
  });
});
