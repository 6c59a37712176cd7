import { badInput, notFound } from './errors.js';
import { isIsoDate } from './graphql/scalars.js';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Trimmed, non-empty, bounded text; the field name goes into the error. */
export function requireText(field: string, value: string | null | undefined, max = 200): string {
  const v = (value ?? '').trim();
  if (!v) throw badInput(field, 'must not be empty / 不能为空');
  if (v.length > max) throw badInput(field, `at most ${max} characters (got ${v.length}) / 超过长度上限`);
  return v;
}

export function optionalText(field: string, value: string | null | undefined, max = 2000): string | null {
  if (value == null || value.trim() === '') return null;
  return requireText(field, value, max);
}

export function isUuid(s: string): boolean {
  return UUID_RE.test(s);
}

/** Ids are UUIDs; anything else cannot name a row, so it is NOT_FOUND rather than a database error. */
export function requireId(what: string, id: string): string {
  if (!isUuid(id)) throw notFound(what, id.slice(0, 60));
  return id.toLowerCase();
}

export function requireDate(field: string, v: string): string {
  if (!isIsoDate(v)) throw badInput(field, 'must be YYYY-MM-DD');
  return v;
}

export function requireNonEmpty<T>(field: string, list: readonly T[] | null | undefined, max = 50): T[] {
  if (!list || list.length === 0) throw badInput(field, 'needs at least one value / 至少一项');
  if (list.length > max) throw badInput(field, `at most ${max} values`);
  return [...new Set(list)];
}
