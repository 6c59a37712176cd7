import { agenciesWithoutOfficer, type OfficerCheck, teamProblems } from '../src/rules/officers';

const ok = (officerId: string, agencyId: string): OfficerCheck => ({ officerId, agencyId, valid: true, reason: null });
const LEAD = 'agency-market';
const JOINT = 'agency-fire';

test('two valid officers of the lead and a joint agency may inspect', () => {
  expect(teamProblems(['o1', 'o2'], [ok('o1', LEAD), ok('o2', JOINT)], [LEAD, JOINT])).toEqual([]);
});

test('fewer than two different officers: one alone, or the same one twice', () => {
  expect(teamProblems(['o1'], [ok('o1', LEAD)], [LEAD])).toEqual([
    'at least 2 different officers / 检查人员不得少于两人',
  ]);
  // The same id twice is one officer, and is reported once.
  expect(teamProblems(['o1', 'o1'], [ok('o1', LEAD)], [LEAD])).toEqual([
    'at least 2 different officers / 检查人员不得少于两人',
  ]);
  expect(teamProblems([], [], [LEAD])).toHaveLength(1);
});

test('an officer the credential check does not know does not count (fail closed)', () => {
  // No check at all for o2, and a check where personnel does not know o3.
  const checks = [ok('o1', LEAD), { officerId: 'o3', agencyId: null, valid: true, reason: null }];
  expect(teamProblems(['o1', 'o2', 'o3'], checks, [LEAD])).toEqual([
    'o2: unknown officer / 未知人员',
    'o3: unknown officer / 未知人员',
  ]);
});

test('an officer of another agency may not inspect for this one', () => {
  expect(teamProblems(['o1', 'o2'], [ok('o1', LEAD), ok('o2', JOINT)], [LEAD])).toEqual([
    'o2: not an officer of the inspecting agencies',
  ]);
});

test('an invalid credential is refused with its reason', () => {
  const expired = { officerId: 'o2', agencyId: LEAD, valid: false, reason: '证件已过期 expired 2026-01-31' };
  expect(teamProblems(['o1', 'o2'], [ok('o1', LEAD), expired], [LEAD])).toEqual([
    'o2: no valid credential (证件已过期 expired 2026-01-31) / 无有效执法证件',
  ]);
  expect(teamProblems(['o1', 'o2'], [ok('o1', LEAD), { ...expired, reason: null }], [LEAD])).toEqual([
    'o2: no valid credential (invalid) / 无有效执法证件',
  ]);
});

test('every inspecting agency has an officer on the team: a partner named without one takes no part', () => {
  expect(agenciesWithoutOfficer([{ agencyId: LEAD }, { agencyId: JOINT }], [LEAD, JOINT])).toEqual([]);
  expect(agenciesWithoutOfficer([{ agencyId: LEAD }, { agencyId: LEAD }], [LEAD, JOINT])).toEqual([JOINT]);
  // Nor may the lead send only the partner's officers.
  expect(agenciesWithoutOfficer([{ agencyId: JOINT }, { agencyId: JOINT }], [LEAD, JOINT])).toEqual([LEAD]);
});
