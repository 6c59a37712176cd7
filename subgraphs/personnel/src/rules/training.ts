/**
 * 培训学时 Training is recorded after it happens: a day after today (Asia/Shanghai) would count hours
 * not yet taught toward the year's total that supervision checks.
 */
export function trainingDayProblem(day: string, today: string): string | null {
  return day > today ? 'training cannot be recorded before it happens / 培训日期不能晚于今天' : null;
}
