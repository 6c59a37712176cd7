import { FindingKind } from '@tsp/shared';

import { type ComplaintFact, complaintFindings } from '../src/rules/findings';
import { ComplaintStatus } from '../src/rules/kinds';

const fact = (over: Partial<ComplaintFact> = {}): ComplaintFact => ({
  id: 'C1',
  agencyId: 'A',
  status: ComplaintStatus.ASSIGNED,
  dueOn: '2026-10-27',
  reopenCount: 0,
  firstReopenedAt: null,
  ...over,
});

test('an assigned complaint is overdue from the day after its due day', () => {
  expect(complaintFindings([fact()], '2026-10-27')).toEqual([]);
  const [f] = complaintFindings([fact()], '2026-10-28');
  expect(f.kind).toBe(FindingKind.COMPLAINT_OVERDUE);
  expect(f.since).toEqual(new Date('2026-10-28T00:00:00+08:00'));
  expect(f.detail).toContain('2026-10-27');
});

test('an answered complaint is not overdue, however late', () => {
  expect(complaintFindings([fact({ status: ComplaintStatus.ANSWERED })], '2027-01-01')).toEqual([]);
});

test('a reopened complaint is one finding since its first reopening', () => {
  const at = new Date('2026-11-02T10:00:00+08:00');
  const found = complaintFindings([fact({ reopenCount: 2, firstReopenedAt: at, dueOn: '2026-11-23' })], '2026-11-03');
  expect(found.map((f) => [f.kind, f.since])).toEqual([[FindingKind.COMPLAINT_REOPENED, at]]);
});
