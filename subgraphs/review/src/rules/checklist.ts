import { badInput, EnforcementCategory } from '@tsp/shared';

/** 审核内容 One line of the legal-review form (重大行政执法决定法制审核意见表): common items plus the category's own. */
export interface ChecklistItemDef {
  code: string;
  /** Only for this category; null = the six common items. */
  category: EnforcementCategory | null;
  question: string;
  /**
   * The answer that lets a review pass. Every item is phrased so that 是 is the lawful answer,
   * except 涉嫌犯罪需要移送: there 是 means the case belongs to the judicial organs (行政处罚法 §27).
   */
  passingAnswer: boolean;
}

export const CHECKLIST: readonly ChecklistItemDef[] = [
  {
    code: 'SUBJECT_QUALIFIED',
    category: null,
    question: '行政执法主体及其执法人员执法资格是否合法 / enforcement body and officers legally qualified',
    passingAnswer: true,
  },
  {
    code: 'PROCEDURE_LAWFUL',
    category: null,
    question: '执法程序是否符合法定要求 / procedure lawful',
    passingAnswer: true,
  },
  {
    code: 'FACTS_CLEAR',
    category: null,
    question: '事实是否清楚，证据是否确凿充分 / facts clear, evidence conclusive and sufficient',
    passingAnswer: true,
  },
  {
    code: 'LAW_APPLIED_CORRECTLY',
    category: null,
    question: '适用法律是否准确 / law applied correctly',
    passingAnswer: true,
  },
  {
    code: 'DOCUMENTS_STANDARD',
    category: null,
    question: '执法文书是否规范 / documents complete and standard',
    passingAnswer: true,
  },
  {
    code: 'REMEDY_NOTICE_CORRECT',
    category: null,
    question: '行政决定救济途径告知是否正确 / remedy notice correct',
    passingAnswer: true,
  },
  {
    code: 'PENALTY_TYPE_APPROPRIATE',
    category: EnforcementCategory.PENALTY,
    question: '种类是否适当 / type of penalty appropriate',
    passingAnswer: true,
  },
  {
    code: 'PERFORMANCE_MANNER_TERM',
    category: EnforcementCategory.PENALTY,
    question: '履行方式和期限是否正确 / manner and term of performance correct',
    passingAnswer: true,
  },
  {
    code: 'DISCRETION_REASONABLE',
    category: EnforcementCategory.PENALTY,
    // Pre-answered from the benchmark check when the proposal names a benchmark (rules/discretion-item.ts).
    question:
      '自由裁量是否合理适当（裁量基准） / discretion reasonable under the benchmark (pre-answered from the check ' +
      'when the proposal names a benchmark, see LegalReview.discretionCheck; otherwise a bare yes/no)',
    passingAnswer: true,
  },
  {
    code: 'CRIME_TRANSFER',
    category: EnforcementCategory.PENALTY,
    question: '违法行为是否涉嫌犯罪需要移送司法机关 / suspected crime to transfer to judicial organs',
    passingAnswer: false,
  },
  {
    code: 'COMPENSATION_PLAN',
    category: EnforcementCategory.LICENSING,
    question: '变更、撤回、撤销行政许可决定的，补偿或赔偿方案是否适当 / compensation plan appropriate',
    passingAnswer: true,
  },
  {
    code: 'EXECUTION_CONDITIONS_MET',
    category: EnforcementCategory.COERCION,
    question: '是否具备执行条件 / conditions for execution met',
    passingAnswer: true,
  },
  {
    code: 'EXECUTING_BODY_CORRECT',
    category: EnforcementCategory.COERCION,
    question: '执行主体是否正确 / executing body correct',
    passingAnswer: true,
  },
  {
    code: 'EXECUTION_MANNER_TIME',
    category: EnforcementCategory.COERCION,
    question: '执行方式和时间是否适当 / manner and time of execution appropriate',
    passingAnswer: true,
  },
];

/** The items that apply to a case of this category: the six common ones plus the category's own. */
export function applicableItems(category: EnforcementCategory): ChecklistItemDef[] {
  return CHECKLIST.filter((i) => i.category === null || i.category === category);
}

export interface ChecklistAnswer {
  code: string;
  answer: boolean | null;
  comment: string | null;
}

/** A blank form for the category. */
export function blankChecklist(category: EnforcementCategory): ChecklistAnswer[] {
  return applicableItems(category).map((i) => ({ code: i.code, answer: null, comment: null }));
}

/**
 * Merges the reviewer's answers into the stored form. Unknown or inapplicable codes and repeated
 * codes are refused (BAD_USER_INPUT naming them), so a form never holds lines its category lacks.
 */
export function mergeAnswers(
  category: EnforcementCategory,
  current: readonly ChecklistAnswer[],
  given: readonly ChecklistAnswer[],
): ChecklistAnswer[] {
  const allowed = new Set(applicableItems(category).map((i) => i.code));
  const seen = new Set<string>();
  for (const g of given) {
    if (!allowed.has(g.code))
      throw badInput(
        'checklist.code',
        `${g.code} is not an item of the ${category} form; allowed: ${[...allowed].join(', ')}`,
      );
    if (seen.has(g.code)) throw badInput('checklist.code', `${g.code} is answered twice`);
    seen.add(g.code);
  }
  return blankChecklist(category).map((blank) => {
    const g = given.find((x) => x.code === blank.code);
    const c = current.find((x) => x.code === blank.code);
    return g ? { code: g.code, answer: g.answer, comment: g.comment?.trim() || null } : (c ?? blank);
  });
}

/** Items still unanswered. */
export function unanswered(category: EnforcementCategory, form: readonly ChecklistAnswer[]): string[] {
  return applicableItems(category)
    .filter((i) => form.find((a) => a.code === i.code)?.answer == null)
    .map((i) => i.code);
}

/** Items answered the way that forbids a pass. */
export function failingItems(category: EnforcementCategory, form: readonly ChecklistAnswer[]): string[] {
  return applicableItems(category)
    .filter((i) => {
      const a = form.find((x) => x.code === i.code)?.answer;
      return a != null && a !== i.passingAnswer;
    })
    .map((i) => i.code);
}

/**
 * PASS needs every applicable item answered, and answered the lawful way: a form that finds a
 * defect cannot conclude "pass" — the reviewer returns it for supplement or fails it.
 */
export function assertPassable(category: EnforcementCategory, form: readonly ChecklistAnswer[]): void {
  const missing = unanswered(category, form);
  if (missing.length)
    throw badInput(
      'checklist',
      `PASS needs every item answered; unanswered: ${missing.join(', ')} / 审核内容未逐项填写`,
    );
  const failing = failingItems(category, form);
  if (failing.length)
    throw badInput(
      'checklist',
      `items ${failing.join(', ')} found a defect, so the review cannot PASS: RETURN for supplement or FAIL / 审核发现问题，不能通过`,
    );
}
