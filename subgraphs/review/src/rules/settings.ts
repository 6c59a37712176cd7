import { badInput, compareDecimal } from '@tsp/shared';

import { MAX_REVIEW_DAYS } from './thresholds.js';

/**
 * 审核期限 An agency's own review time limits: whole working days within 1…MAX_REVIEW_DAYS, and a
 * complex case never gets less time than an ordinary one (the longer limit exists for complex cases).
 */
export function checkReviewDays(normalDays: number, complexDays: number): void {
  for (const [f, v] of [
    ['normalDays', normalDays],
    ['complexDays', complexDays],
  ] as const)
    if (!Number.isInteger(v) || v < 1 || v > MAX_REVIEW_DAYS)
      throw badInput(f, `must be 1…${MAX_REVIEW_DAYS} working days`);
  if (complexDays < normalDays) throw badInput('complexDays', 'must not be shorter than normalDays');
}

/** A money threshold (较大数额, a catalogue amount) is more than 0 yuan, or absent. */
export function positiveOrNull(field: string, v: string | null | undefined): string | null {
  if (v == null) return null;
  if (compareDecimal(v, '0') <= 0) throw badInput(field, 'must be more than 0 yuan');
  return v;
}

/**
 * A catalogue rule's amount threshold per party type: a side left empty does not apply to that party
 * type, but a threshold with neither side would never match, so it is refused.
 */
export function partyThresholds(
  field: string,
  t: { naturalPerson?: string | null; organization?: string | null } | null | undefined,
): [string | null, string | null] {
  if (!t) return [null, null];
  const pair: [string | null, string | null] = [
    positiveOrNull(`${field}.naturalPerson`, t.naturalPerson),
    positiveOrNull(`${field}.organization`, t.organization),
  ];
  if (pair[0] == null && pair[1] == null)
    throw badInput(field, 'give an amount for at least one party type, or leave the threshold out');
  return pair;
}
