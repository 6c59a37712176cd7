import type { EntityManager } from '@mikro-orm/postgresql';
import {
  addCalendarDays,
  badInput,
  type Context,
  type Identity,
  isUuid,
  type Page,
  pageArgs,
  requireUser,
  scopeSql,
  shanghaiDate,
  toPage,
} from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';
import { PublicationStatus } from '../rules/kinds.js';
import { PUBLIC_VISIBLE } from './visibility.js';

export interface ListFilter {
  agencyId?: string | null;
  category?: string | null;
  kind?: string | null;
  decidedFrom?: string | null;
  decidedTo?: string | null;
  text?: string | null;
  status?: PublicationStatus | null;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * One page of publications in one statement. Without a status: the public list, newest publication first.
 * With a status: the caller's own scope (scopeSql), newest first by creation.
 */
export async function listPublications(
  em: EntityManager,
  identity: Identity,
  f: ListFilter,
  today: string,
  page: { limit: number; after: string | null },
): Promise<PublicationEntity[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const sortCol = f.status ? 'p.created_at' : 'p.published_at';
  if (!f.status) {
    where.push(PUBLIC_VISIBLE);
    params.push(today);
  } else {
    const scope = scopeSql(identity, 'p');
    where.push(scope.sql);
    params.push(...scope.params);
    if (f.status === PublicationStatus.EXPIRED) {
      where.push(`p.status = 'PUBLISHED' and p.expires_on < ?::date`);
      params.push(today);
    } else if (f.status === PublicationStatus.PUBLISHED) {
      where.push(PUBLIC_VISIBLE);
      params.push(today);
    } else {
      where.push('p.status = ?');
      params.push(f.status);
    }
  }
  const eq = (col: string, v: unknown, cast = '') => {
    if (v == null) return;
    where.push(`${col} = ?${cast}`);
    params.push(v);
  };
  eq('p.agency_id', f.agencyId, '::uuid');
  eq('p.category', f.category);
  eq('p.kind', f.kind);
  if (f.decidedFrom) {
    where.push('p.decided_on >= ?::date');
    params.push(f.decidedFrom);
  }
  if (f.decidedTo) {
    where.push('p.decided_on < ?::date');
    params.push(addCalendarDays(f.decidedTo, 1));
  }
  if (f.text?.trim()) {
    // Searches the masked public copy only: a real name or ID number finds nothing. The expression is
    // the one disclosure migration 0007 indexes with trigrams: change both together.
    where.push(
      `(p.case_number || ' ' || p.party_name || ' ' || p.summary || ' ' || p.conclusion || ' ' || p.legal_basis) ilike ?`,
    );
    params.push(`%${likeEscape(f.text.trim().slice(0, 100))}%`);
  }
  if (page.after) {
    const [at, id] = page.after.split('|');
    where.push(`(${sortCol}, p.id) < (?::timestamptz, ?::uuid)`);
    params.push(at, id);
  }
  params.push(page.limit + 1);
  const rows: Record<string, unknown>[] = await em.execute(
    `select p.* from disclosure.publication p where ${where.join(' and ') || 'true'} order by ${sortCol} desc, p.id desc limit ?`,
    params,
  );
  return rows.map((r) => em.map(PublicationEntity, r));
}

/** The cursor key of a row in the list it came from. */
export function cursorKey(p: PublicationEntity, scoped: boolean): string {
  const at = scoped ? p.createdAt : p.publishedAt!;
  return `${at.toISOString()}|${p.id}`;
}

function checkCursor(after: string | null): string | null {
  if (!after) return null;
  const [at, id] = after.split('|');
  if (!id || !isUuid(id) || Number.isNaN(Date.parse(at))) throw badInput('after', 'not a cursor this API issued');
  return after;
}

/** 公示列表 The `publications` query: the public list, or with a status the signed-in caller's own scope. */
export async function publications(
  ctx: Context,
  filter: ListFilter | null | undefined,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<Page<PublicationEntity>> {
  const f = filter ?? {};
  if (f.status) requireUser(ctx.identity);
  if (f.agencyId && !isUuid(f.agencyId)) throw badInput('filter.agencyId', 'not an agency id');
  if (f.decidedFrom && f.decidedTo && f.decidedFrom > f.decidedTo)
    throw badInput('filter.decidedFrom', 'is after decidedTo');
  const page = pageArgs(first, after, 20);
  const rows = await listPublications(ctx.em, ctx.identity, f, shanghaiDate(), {
    limit: page.limit,
    after: checkCursor(page.after),
  });
  return toPage(rows, page.limit, (p) => cursorKey(p, !!f.status));
}
