import { Directive, Field, Int, ObjectType } from 'type-graphql';

import { EnforcementCategory } from './enums.js';
import { type Finding, FindingKind } from './finding.js';

/** 监督统计 How many findings of a kind (and category) an agency has in a period. @shareable: every subgraph returns it. */
@Directive('@shareable')
@ObjectType({ description: '监督发现计数 Count of findings per kind and category' })
export class FindingCount {
  @Field(() => FindingKind, { description: '类型 Kind' })
  kind!: FindingKind;
  @Field(() => EnforcementCategory, { nullable: true, description: '执法类别 Category (null where the kind has none)' })
  category!: EnforcementCategory | null;
  @Field(() => Int, { description: '数量 Count' })
  count!: number;
}

/** Counts findings whose `since` falls on a calendar day in [from, to] (Asia/Shanghai), per kind and category. */
export function countFindings(findings: readonly Finding[], from: string, to: string): FindingCount[] {
  const counts = new Map<string, FindingCount>();
  for (const f of findings) {
    const day = new Date(f.since.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    if (day < from || day > to) continue;
    const category = f.category ?? null;
    const key = `${f.kind}|${category}`;
    const c = counts.get(key) ?? { kind: f.kind, category, count: 0 };
    c.count++;
    counts.set(key, c);
  }
  return [...counts.values()].sort(
    (a, b) => a.kind.localeCompare(b.kind) || String(a.category).localeCompare(String(b.category)),
  );
}
