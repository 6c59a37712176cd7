import { EvaluationItemKind } from './evaluation-kinds.js';

/**
 * 案卷评查标准 A scoring template as the provinces' 行政执法案卷评查标准 lay it out (行政执法监督条例, 国务院令第825号,
 * makes case-file evaluation one of the supervision body's means): veto items (否决项 — e.g. 执法主体不合法, 超越职权,
 * 重大决定未经法制审核) that fail a file outright, and weighted items (证据, 程序, 适用法律, 文书 …) whose maximum
 * points add up to 100.
 */
export interface TemplateItem {
  code: string;
  name: string;
  kind: EvaluationItemKind;
  /** Scored items only: a whole number of points, 1…100. */
  maxPoints: number | null;
}

export const TEMPLATE_TOTAL = 100;
export const MAX_TEMPLATE_ITEMS = 50;
const CODE = /^[A-Za-z0-9_.-]{1,32}$/;

/** Why the items do not make a template (naming the field), or null: total 100, unique codes, ≤ 50 items. */
export function templateProblem(items: readonly TemplateItem[]): { field: string; message: string } | null {
  if (items.length === 0) return { field: 'items', message: 'a template needs items / 至少一项' };
  if (items.length > MAX_TEMPLATE_ITEMS)
    return { field: 'items', message: `at most ${MAX_TEMPLATE_ITEMS} items (got ${items.length}) / 评查项目过多` };
  const seen = new Set<string>();
  let total = 0;
  for (const [i, it] of items.entries()) {
    const at = `items[${i}]`;
    if (!CODE.test(it.code))
      return { field: `${at}.code`, message: 'a code is 1–32 letters, digits, _ . or - / 编码格式不正确' };
    if (seen.has(it.code)) return { field: `${at}.code`, message: `duplicate code ${it.code} / 编码重复` };
    seen.add(it.code);
    if (!it.name.trim() || it.name.length > 200) return { field: `${at}.name`, message: 'name: 1–200 characters' };
    if (it.kind === EvaluationItemKind.VETO) {
      if (it.maxPoints !== null) return { field: `${at}.maxPoints`, message: 'a veto item (否决项) carries no points' };
      continue;
    }
    if (it.maxPoints === null || !Number.isInteger(it.maxPoints) || it.maxPoints < 1 || it.maxPoints > TEMPLATE_TOTAL)
      return { field: `${at}.maxPoints`, message: 'a scored item needs whole points 1…100 / 分值应为1至100的整数' };
    total += it.maxPoints;
  }
  if (total !== TEMPLATE_TOTAL)
    return { field: 'items', message: `the scored items total ${total}, not ${TEMPLATE_TOTAL} / 分值合计应为100分` };
  return null;
}
