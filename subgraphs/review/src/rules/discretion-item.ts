import { badInput } from '@tsp/shared';

import type { ChecklistAnswer } from './checklist.js';
import type { ProposalDiscretion } from './discretion.js';

/**
 * 自由裁量是否合理适当 The checklist's discretion item read from the benchmark check. 国办发〔2022〕27号 has agencies
 * apply their published 裁量基准 and give reasons when they leave it; 行政处罚法 §5 (过罚相当) and §33 (不予处罚) are
 * what the benchmark spells out. So when the proposal names a benchmark:
 * - no departure: pre-answered 是, the comment says the tier and its range;
 * - departures and no reason: pre-answered 否 with the departures, and PASS is refused whatever the reviewer answers;
 * - departures with a reason: left to the reviewer, the comment listing departures and reason (是 = the reviewer
 *   accepts the departure).
 * Without a benchmark the item is the bare yes/no it always was.
 */
export const DISCRETION_ITEM = 'DISCRETION_REASONABLE';

export interface DiscretionItem {
  answer: boolean | null;
  comment: string;
  /** Departures without a reason: no conclusion may PASS. */
  blocksPass: boolean;
}

/** Null when the proposal named no benchmark (the item stays a bare yes/no). */
export function discretionItem(d: ProposalDiscretion | null): DiscretionItem | null {
  if (!d) return null;
  const range = `${d.minFine ?? '—'}–${d.maxFine ?? '—'}元`;
  const head = `裁量基准「${d.violation}」第${d.benchmarkVersion}版 ${d.tier} 阶次（罚款 ${range}）`;
  const exempt = d.exemption ? `；符合不予处罚情形 ${d.exemption}` : '';
  if (d.departures.length === 0)
    return {
      answer: true,
      comment: `${head}：拟决定在基准之内${exempt} / within the benchmark's ${d.tier} tier (${range})`,
      blocksPass: false,
    };
  const list = d.departures.map((x) => `${x.code}: ${x.why}`).join('；');
  if (!d.departureReason)
    return {
      answer: false,
      comment: `${head}：偏离基准且未说明理由 / departs with no reason given — ${list}`,
      blocksPass: true,
    };
  return {
    answer: null,
    comment: `${head}：偏离基准 / departs — ${list}；偏离理由 / reason: ${d.departureReason}`,
    blocksPass: false,
  };
}

/** The form at submission: the discretion item pre-answered from the check, the others as given. */
export function preAnswered(form: readonly ChecklistAnswer[], d: ProposalDiscretion | null): ChecklistAnswer[] {
  const item = discretionItem(d);
  if (!item) return [...form];
  return form.map((a) =>
    a.code === DISCRETION_ITEM ? { code: a.code, answer: item.answer, comment: item.comment } : a,
  );
}

/**
 * After the reviewer's answers are merged: the check's comment stays on the item, the reviewer's own comment (if they
 * answered it now) following it, so the form always shows what the check found.
 */
export function keepCheckComment(
  form: readonly ChecklistAnswer[],
  given: readonly ChecklistAnswer[],
  d: ProposalDiscretion | null,
): ChecklistAnswer[] {
  const item = discretionItem(d);
  const mine = given.find((g) => g.code === DISCRETION_ITEM);
  if (!item || !mine) return [...form];
  const own = mine.comment?.trim();
  const comment = own && own !== item.comment ? `${item.comment}｜审核人 / reviewer: ${own}` : item.comment;
  return form.map((a) => (a.code === DISCRETION_ITEM ? { ...a, comment } : a));
}

/** PASS is refused on a departure without a reason, even when the reviewer answered the item 是. */
export function assertDiscretionPassable(d: ProposalDiscretion | null): void {
  const item = discretionItem(d);
  if (item?.blocksPass)
    throw badInput(
      `checklist.${DISCRETION_ITEM}`,
      `${DISCRETION_ITEM}: the proposal departs from the discretion benchmark without a reason, so the review cannot ` +
        `PASS: RETURN it for the reason or a decision within the benchmark / 偏离裁量基准未说明理由，不能通过`,
    );
}
