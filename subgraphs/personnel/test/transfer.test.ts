import { CredentialStatus } from '../src/rules/kinds';
import {
  assignmentHistory,
  credentialsEndedByTransfer,
  currentSince,
  registeredOn,
  transferProblem,
  type TransferRequest,
  transferRevocationReason,
} from '../src/rules/transfer';

const request = (over: Partial<TransferRequest> = {}): TransferRequest => ({
  currentAgencyId: 'planning',
  targetAgencyId: 'market',
  effectiveOn: '2026-03-02',
  currentSince: '2025-01-10',
  today: '2026-03-05',
  ...over,
});

describe('人员调动 transfer rules', () => {
  test('met: another agency, effective between the current assignment’s start and today (both ends included)', () => {
    expect(transferProblem(request())).toBeNull();
    expect(transferProblem(request({ effectiveOn: '2026-03-05' }))).toBeNull();
    expect(transferProblem(request({ effectiveOn: '2025-01-10' }))).toBeNull();
  });
  test('broken: the officer already belongs to the target agency', () => {
    expect(transferProblem(request({ targetAgencyId: 'planning' }))).toEqual({
      field: 'agencyId',
      why: expect.stringMatching(/already belongs/),
    });
  });
  test('broken: effective after today (transfers are recorded when they take effect)', () => {
    expect(transferProblem(request({ effectiveOn: '2026-03-06' }))).toEqual({
      field: 'effectiveOn',
      why: expect.stringMatching(/not be after today \(2026-03-05\)/),
    });
  });
  test('broken: effective before the current assignment began (no overlapping history)', () => {
    expect(transferProblem(request({ effectiveOn: '2025-01-09' }))).toEqual({
      field: 'effectiveOn',
      why: expect.stringMatching(/2025-01-10/),
    });
  });
});

describe('任职经历 assignment history', () => {
  test('never transferred: one current assignment from the registration day', () => {
    expect(assignmentHistory('2024-05-01', 'planning', [])).toEqual([
      { agencyId: 'planning', from: '2024-05-01', to: null, reason: null },
    ]);
    expect(currentSince('2024-05-01', [])).toBe('2024-05-01');
  });
  test('two transfers: each stretch ends on the day the next begins, the last is open; reasons belong to the move in', () => {
    const transfers = [
      { fromAgencyId: 'market', toAgencyId: 'culture', effectiveOn: '2026-02-01', reason: '工作需要' },
      { fromAgencyId: 'planning', toAgencyId: 'market', effectiveOn: '2025-03-01', reason: '交流任职' },
    ];
    expect(assignmentHistory('2024-05-01', 'culture', transfers)).toEqual([
      { agencyId: 'planning', from: '2024-05-01', to: '2025-03-01', reason: null },
      { agencyId: 'market', from: '2025-03-01', to: '2026-02-01', reason: '交流任职' },
      { agencyId: 'culture', from: '2026-02-01', to: null, reason: '工作需要' },
    ]);
    expect(currentSince('2024-05-01', transfers)).toBe('2026-02-01');
  });
  test('two moves on one day keep the order they were recorded in', () => {
    const transfers = [
      { fromAgencyId: 'a', toAgencyId: 'b', effectiveOn: '2026-02-01', reason: '1' },
      { fromAgencyId: 'b', toAgencyId: 'c', effectiveOn: '2026-02-01', reason: '2' },
    ];
    expect(assignmentHistory('2026-01-01', 'c', transfers).map((a) => a.agencyId)).toEqual(['a', 'b', 'c']);
  });
});

describe('调离注销 credentials ended by a transfer', () => {
  test('the old agency’s valid and suspended credentials end; revoked ones and other agencies’ stay as they are', () => {
    const creds = [
      { number: 'V', agencyId: 'planning', status: CredentialStatus.VALID as const },
      { number: 'S', agencyId: 'planning', status: CredentialStatus.SUSPENDED as const },
      { number: 'R', agencyId: 'planning', status: CredentialStatus.REVOKED as const },
      { number: 'O', agencyId: 'earlier', status: CredentialStatus.VALID as const },
    ];
    expect(credentialsEndedByTransfer(creds, 'planning').map((c) => c.number)).toEqual(['V', 'S']);
  });
  test('the history reason names both agencies, the day and the cause', () => {
    expect(
      transferRevocationReason({
        fromAgencyName: '宁晋县城乡规划局',
        toAgencyName: '宁晋县文化和旅游局',
        effectiveOn: '2026-03-02',
        reason: '工作需要',
      }),
    ).toBe('调离注销 transferred from 宁晋县城乡规划局 to 宁晋县文化和旅游局 on 2026-03-02: 工作需要');
  });
});

describe('登记日期 registration day', () => {
  test('the first assignment begins on the registration day in Asia/Shanghai, not in UTC', () => {
    expect(registeredOn({ createdAt: new Date('2026-03-04T15:59:59Z') })).toBe('2026-03-04');
    expect(registeredOn({ createdAt: new Date('2026-03-04T16:00:00Z') })).toBe('2026-03-05');
  });
});
