/**
 * 年度检查计划 Each agency plans its year's inspections by item (国办发〔2024〕54号: 年度行政检查计划, published and
 * counted in the annual statistics); the summary sets what was done against what was planned.
 */
export interface PlanLine {
  itemId: string;
  planned: number;
}

export interface PlanProgress extends PlanLine {
  done: number;
  /** done ÷ planned, rounded to a tenth of a percent (null when nothing was planned). */
  percent: number | null;
}

export const MAX_PLANNED = 100_000;

/** Null when plan lines are well formed: each item once, counts 0…MAX_PLANNED. */
export function planProblem(lines: readonly PlanLine[]): string | null {
  const seen = new Set<string>();
  for (const l of lines) {
    if (seen.has(l.itemId)) return `item ${l.itemId} appears twice / 同一事项重复`;
    seen.add(l.itemId);
    if (!Number.isInteger(l.planned) || l.planned < 0 || l.planned > MAX_PLANNED)
      return `planned count for ${l.itemId} must be 0…${MAX_PLANNED}`;
  }
  return null;
}

/** Planned against done per item; items inspected but not planned appear with planned 0. */
export function planProgress(lines: readonly PlanLine[], done: ReadonlyMap<string, number>): PlanProgress[] {
  const out: PlanProgress[] = lines.map((l) => {
    const d = done.get(l.itemId) ?? 0;
    return { ...l, done: d, percent: l.planned ? Math.round((d / l.planned) * 1000) / 10 : null };
  });
  for (const [itemId, d] of done)
    if (!lines.some((l) => l.itemId === itemId)) out.push({ itemId, planned: 0, done: d, percent: null });
  return out;
}
