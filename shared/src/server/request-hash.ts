import { createHash } from 'node:crypto';

/**
 * Fingerprint of a mutation's resolved arguments, kept with its Idempotency-Key so a key reused
 * with other arguments can be refused (idempotency.ts). Computed from the values GraphQL has
 * already coerced, with object keys sorted, so the order of variables and inline literals versus
 * variables do not change it; a value's own toJSON (Date) is used, undefined fields are left out.
 */
export function requestHash(args: unknown): string {
  return createHash('sha256').update(canonicalJson(args)).digest('hex');
}

/** JSON with object keys sorted at every level; array order is kept (it is meaningful). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value)) ?? 'null';
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as { toJSON?: () => unknown };
  if (typeof v.toJSON === 'function') return canonical(v.toJSON());
  if (Array.isArray(value)) return value.map((x) => (x === undefined ? null : canonical(x)));
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const x = (value as Record<string, unknown>)[k];
    if (x !== undefined && typeof x !== 'function') out[k] = canonical(x);
  }
  return out;
}
