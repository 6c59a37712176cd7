import { EnforcementCategory } from '@tsp/shared';

import {
  credentialCoverage,
  type CredentialFacts,
  credentialNumberProblem,
  credentialValidityProblem,
  credentialValidOn,
  effectiveStatus,
  regionCovers,
  statusChangeProblem,
} from '../src/rules/credentials';
import { CredentialStatus } from '../src/rules/kinds';

const cred = (over: Partial<CredentialFacts> = {}): CredentialFacts => ({
  number: '13052820260001',
  categories: [EnforcementCategory.PENALTY, EnforcementCategory.INSPECTION],
  region: '宁晋县',
  issuedOn: '2024-03-01',
  expiresOn: '2027-02-28',
  status: CredentialStatus.VALID,
  ...over,
});
const need = (over: Partial<{ category: EnforcementCategory; region: string; day: string }> = {}) => ({
  category: EnforcementCategory.PENALTY,
  region: '宁晋县',
  day: '2026-06-15',
  ...over,
});

describe('effective status: EXPIRED follows from the date', () => {
  test('valid on its expiry day, expired the day after', () => {
    const c = cred({ expiresOn: '2026-06-30' });
    expect(effectiveStatus(c, '2026-06-30')).toBe(CredentialStatus.VALID);
    expect(effectiveStatus(c, '2026-07-01')).toBe(CredentialStatus.EXPIRED);
  });
  test('a suspended or revoked credential stays so after expiry (the stronger fact wins)', () => {
    expect(effectiveStatus(cred({ status: CredentialStatus.SUSPENDED, expiresOn: '2026-01-01' }), '2026-06-01')).toBe(
      CredentialStatus.SUSPENDED,
    );
    expect(effectiveStatus(cred({ status: CredentialStatus.REVOKED, expiresOn: '2026-01-01' }), '2026-06-01')).toBe(
      CredentialStatus.REVOKED,
    );
  });
});

describe('执法区域 region coverage', () => {
  test('a county credential covers the county and places under it', () => {
    expect(regionCovers('宁晋县', '宁晋县')).toBe(true);
    expect(regionCovers('宁晋县', '宁晋县河渠镇')).toBe(true);
  });
  test('it does not cover another county, nor the larger unit above it', () => {
    expect(regionCovers('宁晋县', '柏乡县')).toBe(false);
    expect(regionCovers('宁晋县河渠镇', '宁晋县')).toBe(false);
    expect(regionCovers('宁晋县河渠镇', '宁晋县贾家口镇')).toBe(false);
  });
});

describe('持证执法 credential coverage', () => {
  test('a valid credential covering category, region and day is valid and names the credential', () => {
    expect(credentialCoverage([cred()], need())).toEqual({
      valid: true,
      reason: null,
      credentialNumber: '13052820260001',
    });
  });
  test('no credential at all', () => {
    const c = credentialCoverage([], need());
    expect(c.valid).toBe(false);
    expect(c.reason).toMatch(/no enforcement credential/);
  });
  test('wrong category', () => {
    const c = credentialCoverage([cred()], need({ category: EnforcementCategory.LICENSING }));
    expect(c).toEqual({ valid: false, reason: '13052820260001 does not cover LICENSING', credentialNumber: null });
  });
  test('region prefix: covers a township of the county, not another county', () => {
    expect(credentialCoverage([cred()], need({ region: '宁晋县河渠镇' })).valid).toBe(true);
    const other = credentialCoverage([cred()], need({ region: '柏乡县' }));
    expect(other.valid).toBe(false);
    expect(other.reason).toMatch(/covers 宁晋县, not 柏乡县/);
  });
  test('not yet issued on the day, valid from the issue day', () => {
    const c = cred({ issuedOn: '2026-06-16' });
    expect(credentialCoverage([c], need({ day: '2026-06-15' }))).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/not yet issued on 2026-06-15/),
    });
    expect(credentialCoverage([c], need({ day: '2026-06-16' })).valid).toBe(true);
  });
  test('valid on the expiry day, EXPIRED on the day after', () => {
    const c = cred({ expiresOn: '2026-06-15' });
    expect(credentialCoverage([c], need({ day: '2026-06-15' })).valid).toBe(true);
    expect(credentialCoverage([c], need({ day: '2026-06-16' }))).toMatchObject({
      valid: false,
      reason: '13052820260001 is EXPIRED',
    });
  });
  test('suspended and revoked credentials do not cover', () => {
    expect(credentialCoverage([cred({ status: CredentialStatus.SUSPENDED })], need())).toMatchObject({
      valid: false,
      reason: '13052820260001 is SUSPENDED',
    });
    expect(credentialCoverage([cred({ status: CredentialStatus.REVOKED })], need())).toMatchObject({
      valid: false,
      reason: '13052820260001 is REVOKED',
    });
  });
  test('one good credential among bad ones is enough; all bad lists every reason', () => {
    const bad = cred({ number: 'BAD-0001', status: CredentialStatus.SUSPENDED });
    const good = cred({ number: 'GOOD-0001' });
    expect(credentialCoverage([bad, good], need())).toEqual({
      valid: true,
      reason: null,
      credentialNumber: 'GOOD-0001',
    });
    const r = credentialCoverage([bad, cred({ number: 'OLD-0001', expiresOn: '2025-01-01' })], need());
    expect(r.valid).toBe(false);
    expect(r.reason).toBe('BAD-0001 is SUSPENDED; OLD-0001 is EXPIRED');
  });
});

describe('动态管理 status transitions', () => {
  test.each([
    ['VALID', 'SUSPENDED'],
    ['VALID', 'REVOKED'],
    ['SUSPENDED', 'VALID'],
    ['SUSPENDED', 'REVOKED'],
  ] as const)('%s → %s is allowed', (from, to) => {
    expect(statusChangeProblem(from as any, to as CredentialStatus)).toBeNull();
  });
  test('REVOKED is final', () => {
    for (const to of [CredentialStatus.VALID, CredentialStatus.SUSPENDED, CredentialStatus.REVOKED])
      expect(statusChangeProblem(CredentialStatus.REVOKED as any, to)).toMatch(/cannot change a REVOKED credential/);
  });
  test('EXPIRED cannot be set by hand: it follows from the expiry date', () => {
    expect(statusChangeProblem(CredentialStatus.VALID as any, CredentialStatus.EXPIRED)).toMatch(/expiry date/);
  });
  test('a change to the same status is refused (it would record a change that did not happen)', () => {
    expect(statusChangeProblem(CredentialStatus.VALID as any, CredentialStatus.VALID)).toMatch(
      /cannot change a VALID credential to VALID/,
    );
    expect(statusChangeProblem(CredentialStatus.SUSPENDED as any, CredentialStatus.SUSPENDED)).not.toBeNull();
  });
});

describe('credential number format', () => {
  test('digits, letters and dashes of plausible length pass', () => {
    expect(credentialNumberProblem('13052820260001')).toBeNull();
    expect(credentialNumberProblem('JC-1305-0001')).toBeNull();
  });
  test('too short, too long, spaces or Chinese characters fail', () => {
    expect(credentialNumberProblem('12345')).not.toBeNull();
    expect(credentialNumberProblem('1'.repeat(33))).not.toBeNull();
    expect(credentialNumberProblem('1305 2826')).not.toBeNull();
    expect(credentialNumberProblem('冀执法130528')).not.toBeNull();
  });
});

describe('有效期 expiry after issue', () => {
  test('met: expires the day after issue or later', () => {
    expect(credentialValidityProblem('2026-03-01', '2026-03-02')).toBeNull();
    expect(credentialValidityProblem('2024-03-01', '2027-02-28')).toBeNull();
  });
  test('broken: expires on the day of issue or before it', () => {
    expect(credentialValidityProblem('2026-03-01', '2026-03-01')).toMatch(/must be after issuedOn/);
    expect(credentialValidityProblem('2026-03-01', '2025-12-31')).toMatch(/有效期须晚于发证日期/);
  });
});

describe('亮证执法 a credential shown on a day (行政处罚法 §55)', () => {
  test('met: valid from the issue day through the expiry day', () => {
    expect(credentialValidOn(cred(), '2024-03-01')).toBe(true);
    expect(credentialValidOn(cred(), '2027-02-28')).toBe(true);
  });
  test('broken: before issue, after expiry, suspended or revoked', () => {
    expect(credentialValidOn(cred(), '2024-02-29')).toBe(false);
    expect(credentialValidOn(cred(), '2027-03-01')).toBe(false);
    expect(credentialValidOn(cred({ status: CredentialStatus.SUSPENDED }), '2026-06-15')).toBe(false);
    expect(credentialValidOn(cred({ status: CredentialStatus.REVOKED }), '2026-06-15')).toBe(false);
  });
});
