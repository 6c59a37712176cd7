/** 评查项目类型 A veto item (否决项) fails the whole file; a scored item carries points up to its maximum. */
export enum EvaluationItemKind {
  VETO = 'VETO',
  SCORED = 'SCORED',
}

/** 评查等次 The grade of one case file. */
export enum EvaluationGrade {
  /** 优秀 90 points or more, no veto item failed */
  EXCELLENT = 'EXCELLENT',
  /** 合格 60 to under 90, no veto item failed */
  PASSED = 'PASSED',
  /** 不合格 under 60, or any veto item failed */
  FAILED = 'FAILED',
}

/** Where one sampled case file stands in a plan. */
export enum EvaluationStatus {
  /** 已抽取 drawn, no evaluator yet */
  SAMPLED = 'SAMPLED',
  /** 已分配 an evaluator from another agency is assigned */
  ASSIGNED = 'ASSIGNED',
  /** 已评分 scored and graded (final) */
  SCORED = 'SCORED',
}
