import { badInput, isUuid } from '@tsp/shared';

/** Newest-first keyset: `<ISO time>|<uuid>`, as the page's last row gave it. */
export const timeKey = (at: Date, id: string) => `${at.toISOString()}|${id}`;

/** The decoded key of `after`, or BAD_USER_INPUT when it is not one this list issued. */
export function parseTimeKey(key: string, what: string): [string, string] {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)\|(.{36})$/.exec(key);
  if (!m || new Date(m[1]).toISOString() !== m[1] || !isUuid(m[2])) throw badInput('after', `not a ${what} cursor`);
  return [m[1], m[2]];
}
