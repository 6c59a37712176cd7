import { isUuid } from '../validate.js';
import { readFilter } from './access.js';
import type { Identity } from './roles.js';

/**
 * A caller's read scope as data: null = everything; otherwise rows of these agencies OR of this region
 * (both absent or empty = nothing). The one translation of `readFilter` into queries lives here, so a list
 * in any subgraph shows exactly the rows `canRead` allows.
 */
export type ReadScope = { agencyIds?: readonly string[]; region?: string | null } | null;

/**
 * The scope's parts that can match something; [] = nothing. Only agency ids count: a token's claim such as
 * "A,B" names no agency for canRead, and scopeSql's array literal `{A,B}` would otherwise read it as two.
 */
function parts(scope: NonNullable<ReadScope>): ({ agencyIds: string[] } | { region: string })[] {
  const out: ({ agencyIds: string[] } | { region: string })[] = [];
  const agencyIds = [...new Set(scope.agencyIds?.filter((id) => typeof id === 'string' && isUuid(id)))];
  if (agencyIds.length) out.push({ agencyIds });
  if (scope.region) out.push({ region: scope.region });
  return out;
}

/** MikroORM condition on an entity with `agencyId` and `region`: {} = everything; `$in: []` matches nothing. */
export type ScopeCondition =
  | Record<string, never>
  | { agencyId: { $in: string[] } }
  | { $or: ({ agencyId: { $in: string[] } } | { region: string })[] };

export function scopeWhereOf(scope: ReadScope): ScopeCondition {
  if (!scope) return {};
  const or = parts(scope).map((p) => ('agencyIds' in p ? { agencyId: { $in: p.agencyIds } } : { region: p.region }));
  return or.length ? { $or: or } : { agencyId: { $in: [] } };
}

/** The caller's read scope for `em.find(Entity, { $and: [scopeWhere(identity), …] })`. */
export function scopeWhere(identity: Identity): ScopeCondition {
  return scopeWhereOf(readFilter(identity));
}

/** A SQL condition with `?` placeholders (MikroORM `em.execute`, knex raw) and its parameters. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** `alias` qualifies the `agency_id` and `region` columns (`p` → `p.agency_id`). */
export function scopeSqlOf(scope: ReadScope, alias?: string): SqlCondition {
  if (!scope) return { sql: 'true', params: [] };
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  const or: string[] = [];
  const params: unknown[] = [];
  for (const p of parts(scope)) {
    if ('agencyIds' in p) {
      or.push(`${col('agency_id')} = any(?::uuid[])`);
      params.push(`{${p.agencyIds.join(',')}}`);
    } else {
      or.push(`${col('region')} = ?`);
      params.push(p.region);
    }
  }
  return or.length ? { sql: `(${or.join(' or ')})`, params } : { sql: 'false', params: [] };
}

/** The caller's read scope for hand-written SQL: `where ${c.sql} and …` with `c.params` first. */
export function scopeSql(identity: Identity, alias?: string): SqlCondition {
  return scopeSqlOf(readFilter(identity), alias);
}

/**
 * The same scope tested on one row in memory, for rows that come from another subgraph's feed rather than a
 * query (review's webhooks over inspection's events): true exactly when `scopeSqlOf(scope)` would select it.
 */
export function inScopeOf(scope: ReadScope, row: { agencyId: string; region: string }): boolean {
  if (!scope) return true;
  return parts(scope).some((p) => ('agencyIds' in p ? p.agencyIds.includes(row.agencyId) : p.region === row.region));
}
