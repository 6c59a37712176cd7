import { registerEnumType } from 'type-graphql';

import { EvaluationGrade, EvaluationItemKind, EvaluationStatus } from '../rules/evaluation-kinds.js';

/** The GraphQL names of case-file evaluation's enums: import them from here so they are registered before use. */
export { EvaluationGrade, EvaluationItemKind, EvaluationStatus };

registerEnumType(EvaluationItemKind, {
  name: 'EvaluationItemKind',
  description: '评查项目类型 Veto item or scored item',
  valuesConfig: {
    VETO: { description: '否决项 failing it makes the case file 不合格 whatever the points' },
    SCORED: { description: '评分项 scored up to its maximum points' },
  },
});

registerEnumType(EvaluationGrade, {
  name: 'EvaluationGrade',
  description: '评查等次 Grade of a case file',
  valuesConfig: {
    EXCELLENT: { description: '优秀 90 points or more, no veto item failed' },
    PASSED: { description: '合格 60 to under 90 points, no veto item failed' },
    FAILED: { description: '不合格 under 60 points, or a veto item failed' },
  },
});

registerEnumType(EvaluationStatus, {
  name: 'EvaluationStatus',
  description: '评查状态 Where a sampled case file stands',
  valuesConfig: {
    SAMPLED: { description: '已抽取 drawn, no evaluator yet' },
    ASSIGNED: { description: '已分配 an evaluator of another agency is assigned' },
    SCORED: { description: '已评分 scored and graded (final)' },
  },
});
