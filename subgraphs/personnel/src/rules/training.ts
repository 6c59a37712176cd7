/**
 * 培训学时 Training is recorded after it happens: a day after today (Asia/Shanghai) would count hours
 * not yet taught toward the year's total that supervision checks.
 */
export function trainingDayProblem(day: string, today: string): string | null {
  return day > today ? 'training cannot be recorded before it happens / 培训日期不能晚于今天' : null;
}

/**
 * 学时 One training record counts hours in half-hour steps, more than none and at most a day's 24: the
 * year's total that supervision checks is the sum of these.
 */
export function trainingHoursProblem(hours: number): string | null {
  return hours > 0 && hours <= 24 && Number.isInteger(hours * 2) ? null : 'must be 0.5…24 in half-hour steps';
}
