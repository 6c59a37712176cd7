import { FindingKind } from '@tsp/shared';

import { EXPIRY_WARNING_DAYS, type PersonnelFacts, personnelFindings } from '../src/rules/findings';
import { CredentialStatus } from '../src/rules/kinds';
import { reviewerStaffing } from '../src/rules/staffing';

const now = new Date('2026-11-22T02:00:00Z');
const facts = (over: Partial<PersonnelFacts> = {}): PersonnelFacts => ({
  agencyId: 'a-1',
  staffing: reviewerStaffing(10, 1),
  credentials: [],
  officers: [{ id: 'o-1', name: '张建国', trainingHoursLastYear: 12 }],
  today: '2026-11-22',
  now,
  ...over,
});
const cred = (
  expiresOn: string,
  status: CredentialStatus.VALID | CredentialStatus.SUSPENDED | CredentialStatus.REVOKED = CredentialStatus.VALID,
) => ({
  number: `N-${expiresOn}-${status}`,
  officerName: '张建国',
  expiresOn,
  status,
});

test('a compliant, trained agency with far-off expiry has no findings', () => {
  expect(personnelFindings(facts({ credentials: [cred('2028-01-01')] }))).toEqual([]);
});

describe('reviewer staffing below 5%/1', () => {
  test('21 enforcement officers and 1 reviewer is a finding naming the numbers', () => {
    const [f, ...rest] = personnelFindings(facts({ staffing: reviewerStaffing(21, 1) }));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      kind: FindingKind.REVIEWER_STAFFING_BELOW_MINIMUM,
      agency: { id: 'a-1' },
      subjectId: 'a-1',
      since: now,
    });
    expect(f.detail).toContain('法制审核人员 1 名，应不少于 2 名');
  });
  test('no reviewer at all in an agency with no enforcement officers is a finding', () => {
    expect(personnelFindings(facts({ staffing: reviewerStaffing(0, 0) })).map((f) => f.kind)).toEqual([
      FindingKind.REVIEWER_STAFFING_BELOW_MINIMUM,
    ]);
  });
});

describe(`credentials expiring within ${EXPIRY_WARNING_DAYS} days`, () => {
  test('today, in 30 days: findings; in 31 days: not yet', () => {
    const found = personnelFindings(
      facts({ credentials: [cred('2026-11-22'), cred('2026-12-22'), cred('2026-12-23')] }),
    );
    expect(found.map((f) => [f.kind, f.subjectId])).toEqual([
      [FindingKind.CREDENTIAL_EXPIRING, 'N-2026-11-22-VALID'],
      [FindingKind.CREDENTIAL_EXPIRING, 'N-2026-12-22-VALID'],
    ]);
    expect(found[0].detail).toContain('张建国');
    // It became a finding 30 days before expiry (midnight in Beijing), not when someone looked.
    expect(found[1].since.toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });
  test('already expired, suspended or revoked credentials are not "expiring"', () => {
    const found = personnelFindings(
      facts({
        credentials: [
          cred('2026-11-21'),
          cred('2026-12-01', CredentialStatus.SUSPENDED),
          cred('2026-12-01', CredentialStatus.REVOKED),
        ],
      }),
    );
    expect(found).toEqual([]);
  });
});

describe('officers with no training hours last year', () => {
  test('every officer with zero hours is a finding; officers with hours are not', () => {
    const found = personnelFindings(
      facts({
        officers: [
          { id: 'o-1', name: '张建国', trainingHoursLastYear: 0 },
          { id: 'o-2', name: '李秀英', trainingHoursLastYear: 0.5 },
          { id: 'o-3', name: '王志强', trainingHoursLastYear: 0 },
        ],
      }),
    );
    expect(found.map((f) => [f.kind, f.subjectId])).toEqual([
      [FindingKind.NO_TRAINING_LAST_YEAR, 'o-1'],
      [FindingKind.NO_TRAINING_LAST_YEAR, 'o-3'],
    ]);
    expect(found[1].detail).toContain('王志强');
    expect(found[0].since.toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });
});
