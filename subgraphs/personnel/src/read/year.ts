import { badInput } from '@tsp/shared';

/** A year argument within the span the calendar and the training totals are kept for. */
export function requireYear(year: number): number {
  if (year < 2000 || year > 2100) throw badInput('year', 'must be 2000…2100');
  return year;
}
