import { EnforcementCategory, FindingKind } from '@tsp/shared';

import { reviewFindings } from '../src/rules/findings';

test('overdue reviews and unreviewed major decisions become findings with readable detail', () => {
  const f = reviewFindings(
    [
      {
        reviewId: 'r1',
        agencyId: 'a',
        caseNumber: '宁市监罚〔2026〕1号',
        category: EnforcementCategory.PENALTY,
        dueOn: '2026-10-12',
        status: 'IN_REVIEW',
      },
    ],
    [
      {
        caseId: 'c1',
        agencyId: 'a',
        caseNumber: '宁市监罚〔2025〕9号',
        category: EnforcementCategory.PENALTY,
        decidedOn: '2025-12-01',
        reasons: ['拟吊销许可证件'],
        seenAt: new Date('2026-01-01T00:00:00Z'),
      },
    ],
  );
  expect(f.map((x) => x.kind)).toEqual([FindingKind.MAJOR_DECISION_WITHOUT_REVIEW, FindingKind.REVIEW_OVERDUE]);
  expect(f[1].since.toISOString()).toBe('2026-10-12T16:00:00.000Z');
  expect(f[0].detail).toContain('拟吊销许可证件');
  expect(reviewFindings([], [])).toEqual([]);
});
