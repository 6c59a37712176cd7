import { EvaluationGrade, EvaluationItemKind } from './evaluation-kinds.js';
import type { TemplateItem } from './evaluation-template.js';

/**
 * 评查等次 The bands most provinces' 行政执法案卷评查标准 use (e.g. 优秀 90 分以上, 合格 60 分以上, 不合格 60 分以下,
 * and 存在否决项的直接评为不合格): we model those common bands, not any one province's text. A province with other
 * bands needs its own rule here.
 */
export const EXCELLENT_FROM = 90;
export const PASSED_FROM = 60;

export function gradeOf(total: number, vetoFailed: boolean): EvaluationGrade {
  if (vetoFailed || total < PASSED_FROM) return EvaluationGrade.FAILED;
  return total >= EXCELLENT_FROM ? EvaluationGrade.EXCELLENT : EvaluationGrade.PASSED;
}

/** One item as the evaluator scores it. */
export interface ItemScore {
  code: string;
  points: number | null;
  vetoFailed: boolean | null;
  comment: string | null;
}

export interface Scored {
  items: ItemScore[];
  total: number;
  vetoFailed: boolean;
  grade: EvaluationGrade;
}

/** Points are given in half points (扣0.5分 is the finest deduction the standards use). */
const isHalfStep = (n: number) => Number.isFinite(n) && Number.isInteger(n * 2);

/**
 * Checks a submission against its template — every item exactly once, points 0…max in half points on scored items,
 * a yes/no on veto items, comments ≤ 1,000 characters — and grades it. The problem names the field.
 */
export function scoreSubmission(
  template: readonly TemplateItem[],
  given: readonly ItemScore[],
): Scored | { field: string; message: string } {
  const byCode = new Map(template.map((t) => [t.code, t]));
  const seen = new Set<string>();
  for (const [i, g] of given.entries()) {
    const at = `items[${i}]`;
    const t = byCode.get(g.code);
    if (!t) return { field: `${at}.code`, message: `no item ${g.code} in the template / 评查标准无此项目` };
    if (seen.has(g.code)) return { field: `${at}.code`, message: `item ${g.code} given twice / 项目重复` };
    seen.add(g.code);
    if ((g.comment ?? '').length > 1000) return { field: `${at}.comment`, message: 'at most 1,000 characters' };
    if (t.kind === EvaluationItemKind.VETO) {
      if (g.points !== null)
        return { field: `${at}.points`, message: 'a veto item (否决项) takes vetoFailed, not points' };
      if (g.vetoFailed === null) return { field: `${at}.vetoFailed`, message: 'say whether the veto item failed' };
    } else {
      if (g.vetoFailed !== null) return { field: `${at}.vetoFailed`, message: 'a scored item takes points' };
      if (g.points === null) return { field: `${at}.points`, message: 'points are required / 请评分' };
      if (!isHalfStep(g.points) || g.points < 0 || g.points > t.maxPoints!)
        return {
          field: `${at}.points`,
          message: `${g.code}: 0…${t.maxPoints} in half points (got ${g.points}) / 超出该项分值`,
        };
    }
  }
  const missing = template.filter((t) => !seen.has(t.code)).map((t) => t.code);
  if (missing.length)
    return { field: 'items', message: `every item must be scored; missing ${missing.join(', ')} / 评查项目未评完` };
  const ordered = template.map((t) => given.find((g) => g.code === t.code)!);
  const total = ordered.reduce((s, g) => s + (g.points ?? 0), 0);
  const vetoFailed = ordered.some((g) => g.vetoFailed === true);
  return { items: ordered, total, vetoFailed, grade: gradeOf(total, vetoFailed) };
}
