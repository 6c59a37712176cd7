import { flushWal } from '../db/group-commit.js';
import { badInput } from '../errors.js';
import { decodeCursor, encodeCursor, MAX_PAGE } from '../graphql/pagination.js';
import { requireUser } from '../identity/access.js';
import { scopeSql } from '../identity/scope.js';
import type { Context } from '../server/context.js';
import { isUuid } from '../validate.js';

/** One row of a source's outbox as an integrator-facing log serves it. */
export interface LogRow<P> {
  id: string;
  type: string;
  agencyId: string;
  subjectId: string;
  occurredAt: Date;
  position: number;
  cursor: string;
  payload: P;
}

/** The cursor is the log position, opaque to clients. */
export const positionCursor = (position: number) => encodeCursor(String(position));

function positionOf(cursor: string, source: string): number {
  const m = /^(\d{1,16})$/.exec(decodeCursor(cursor));
  // A position past what a number holds exactly would reach PostgreSQL as 1e+30 and fail there.
  if (!m || !Number.isSafeInteger(Number(m[1]))) throw badInput('after', `not a ${source} event cursor`);
  return Number(m[1]);
}

/**
 * 事件日志 The durable, resumable log integrators read: a source's own outbox in position order, scoped by the
 * token (an integrator its agencies or region, a supervisor its region, agency roles their agency). An empty page
 * keeps the caller's cursor, so polling from it never moves backwards.
 */
export async function readScopedLog<P>(
  ctx: Context,
  source: string,
  types: readonly string[],
  page: { after?: string | null; first?: number | null; agencyId?: string | null },
  /** Events that concern several agencies list them in `payload.agencyIds` (a joint inspection): each one's
   * readers see it, not only the lead's. */
  opts: { payloadAgencies?: boolean } = {},
) {
  requireUser(ctx.identity);
  const limit = page.first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `must be 1…${MAX_PAGE}`);
  const scope = scopeSql(ctx.identity);
  let scopeCondition = scope.sql;
  const scopeParams = [...scope.params];
  if (opts.payloadAgencies) {
    const each = scopeSql(ctx.identity, 'pa');
    scopeCondition = `(${scope.sql} or exists (select 1 from
      (select jsonb_array_elements_text(payload->'agencyIds')::uuid as agency_id, region) pa where ${each.sql}))`;
    scopeParams.push(...each.params);
  }
  const where = ['position > ?', 'type = any(?::text[])', scopeCondition];
  const params: unknown[] = [page.after ? positionOf(page.after, source) : 0, `{${types.join(',')}}`, ...scopeParams];
  if (page.agencyId) {
    if (!isUuid(page.agencyId)) throw badInput('agencyId', 'not an agency id');
    where.push(opts.payloadAgencies ? "(agency_id = ? or jsonb_exists(payload->'agencyIds', ?))" : 'agency_id = ?');
    params.push(page.agencyId, ...(opts.payloadAgencies ? [page.agencyId] : []));
  }
  params.push(limit + 1);
  const rows: {
    position: string;
    id: string;
    type: string;
    agency_id: string;
    occurred_at: Date;
    subject_id: string;
    payload: P;
  }[] = await ctx.em.execute(
    `select position, id, type, agency_id, occurred_at, subject_id, payload from ${source}.outbox
        where ${where.join(' and ')} order by position limit ?`,
    params,
  );
  // Positions are cursors: only once they are on disk (db/group-commit.ts).
  if (rows.length) await flushWal(ctx.em);
  const nodes: LogRow<P>[] = rows.slice(0, limit).map((r) => ({
    id: r.id,
    type: r.type,
    agencyId: r.agency_id,
    subjectId: r.subject_id,
    occurredAt: new Date(r.occurred_at),
    position: Number(r.position),
    cursor: positionCursor(Number(r.position)),
    payload: r.payload,
  }));
  return {
    nodes,
    hasNextPage: rows.length > limit,
    endCursor: nodes.at(-1)?.cursor ?? page.after ?? null,
  };
}
