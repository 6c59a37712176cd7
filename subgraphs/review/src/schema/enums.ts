import { registerEnumType } from 'type-graphql';

import { ReviewOutcome, ReviewStatus } from '../rules/status.js';

registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: '审核状态 Review status',
  valuesConfig: {
    SUBMITTED: { description: '已送审 submitted, file received by the legal office' },
    IN_REVIEW: { description: '审核中 being reviewed' },
    PASSED: { description: '审核通过 passed' },
    RETURNED: { description: '退回补充 returned for supplement' },
    FAILED: { description: '审核不通过 failed' },
    COORDINATION: { description: '协调决策中 escalated to the agency leadership (协调决策机制)' },
  },
});

registerEnumType(ReviewOutcome, {
  name: 'ReviewOutcome',
  description: '审核结论 Review conclusion',
  valuesConfig: {
    PASS: { description: '通过 pass' },
    RETURN: { description: '退回补充材料 return for supplement' },
    FAIL: { description: '不通过 fail' },
  },
});

export { ReviewOutcome, ReviewStatus };
