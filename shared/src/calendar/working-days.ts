import { isWorkday } from 'chinese-days';

/** Years for which the bundled official schedule (chinese-days) has data. */
export const BUNDLED_YEARS = { from: 2004, to: 2026 } as const;

/**
 * 工作日历 The official PRC working-day calendar: statutory holidays are not working days, make-up
 * days (调休) on weekends are. Bundled data comes from `chinese-days`; `overrides` (loaded by an
 * ADMIN into calendar.day_override) win, which is how a newly announced year gets in.
 */
export class WorkingCalendar {
  constructor(private readonly overrides: ReadonlyMap<string, boolean> = new Map()) {}

  isWorkingDay(date: string): boolean {
    const o = this.overrides.get(date);
    if (o !== undefined) return o;
    return isWorkday(date);
  }

  /** The n-th working day after `date` (the start day itself is not counted: 期间开始之日不计算在内). */
  addWorkingDays(date: string, n: number): string {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a non-negative integer, got ${n}`);
    let d = date;
    for (let left = n; left > 0;) {
      d = addCalendarDays(d, 1);
      if (this.isWorkingDay(d)) left--;
    }
    return d;
  }

  /** Working days after `from` up to and including `to` (0 when to <= from). */
  workingDaysBetween(from: string, to: string): number {
    let n = 0;
    for (let d = addCalendarDays(from, 1); d <= to; d = addCalendarDays(d, 1)) if (this.isWorkingDay(d)) n++;
    return n;
  }

  /** Whether the year's schedule is known (bundled or overridden); otherwise only weekends count as rest days. */
  knowsYear(year: number): boolean {
    if (year >= BUNDLED_YEARS.from && year <= BUNDLED_YEARS.to) return true;
    const prefix = `${year}-`;
    for (const k of this.overrides.keys()) if (k.startsWith(prefix)) return true;
    return false;
  }
}

export function addCalendarDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Calendar months later, clamped to the month's end (e.g. 3-month publication periods). */
export function addCalendarMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
