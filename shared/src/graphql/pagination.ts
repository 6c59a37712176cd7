import { type ClassType, Directive, Field, ObjectType } from 'type-graphql';

import { badInput } from '../errors.js';

/** Relay page info 分页信息. Every subgraph with a paged list declares it, hence @shareable. */
@Directive('@shareable')
@ObjectType({ description: '分页信息 Page info' })
export class PageInfo {
  @Field({ description: '是否还有下一页 More after this page' })
  hasNextPage!: boolean;
  @Field(() => String, { nullable: true, description: '本页最后一项的游标 Cursor of the last item' })
  endCursor!: string | null;
}

export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** Builds `XConnection` / `XEdge` types for a node type (Relay connection shape). */
export function connectionType<T extends object>(node: ClassType<T>, name: string, zh: string) {
  @ObjectType(`${name}Edge`, { description: `${zh}（边） ${name} edge` })
  class Edge {
    @Field({ description: '游标 Opaque cursor' })
    cursor!: string;
    @Field(() => node, { description: `${zh} The item` })
    node!: T;
  }
  @ObjectType(`${name}Connection`, { description: `${zh}列表 ${name} list page` })
  class Connection {
    @Field(() => [Edge], { description: '条目 Items of this page' })
    edges!: Edge[];
    @Field(() => PageInfo, { description: '分页信息 Page info' })
    pageInfo!: PageInfo;
  }
  return Connection;
}

export const MAX_PAGE = 200;

/** Validates `first` and decodes `after`; cursors are opaque base64url of a sort key. */
export function pageArgs(
  first: number | undefined | null,
  after: string | undefined | null,
  def = 50,
): { limit: number; after: string | null } {
  const limit = first ?? def;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw badInput('first', `must be 1…${MAX_PAGE}`);
  return { limit, after: after ? decodeCursor(after) : null };
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}
export function decodeCursor(c: string): string {
  const s = Buffer.from(c, 'base64url').toString('utf8');
  if (!s || encodeCursor(s) !== c) throw badInput('after', 'not a cursor this API issued');
  return s;
}

/** Turns rows fetched with limit+1 into a page. */
export function toPage<T>(rows: T[], limit: number, key: (t: T) => string): Page<T> {
  const slice = rows.slice(0, limit);
  const edges = slice.map((node) => ({ cursor: encodeCursor(key(node)), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
