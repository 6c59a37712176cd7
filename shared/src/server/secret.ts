import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Whether a presented secret is the expected one; digests compare in constant time whatever the lengths. */
export function secretMatches(given: string | undefined, expected: string): boolean {
  return !!given && timingSafeEqual(digest(given), digest(expected));
}
