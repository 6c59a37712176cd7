import type { EnforcementCategory } from '@tsp/shared';

import { CredentialStatus, type StoredCredentialStatus } from './kinds.js';

/** What the rules need of a credential (plain data, no ORM). */
export interface CredentialFacts {
  number: string;
  categories: readonly EnforcementCategory[];
  region: string;
  issuedOn: string;
  expiresOn: string;
  status: StoredCredentialStatus;
}

/** The status a person sees on `day`: a VALID credential past its expiry date is EXPIRED. */
export function effectiveStatus(c: Pick<CredentialFacts, 'status' | 'expiresOn'>, day: string): CredentialStatus {
  if (c.status === CredentialStatus.VALID && day > c.expiresOn) return CredentialStatus.EXPIRED;
  return c.status as CredentialStatus;
}

/**
 * 执法区域 A credential's region covers the region itself and the places named under it
 * ("宁晋县" covers "宁晋县河渠镇"): regions are written from the larger unit down.
 */
export function regionCovers(credentialRegion: string, target: string): boolean {
  return target === credentialRegion || target.startsWith(credentialRegion);
}

export interface Coverage {
  valid: boolean;
  /** Why not, in words a person can act on; null when valid. */
  reason: string | null;
  credentialNumber: string | null;
}

/**
 * 亮证执法 Whether a credential shown on `day` is valid (行政处罚法 §55: officers show their credential, and
 * the party may ask to see it): VALID that day, not past expiry, and already issued, since a credential
 * dated in the future is not yet usable whatever its stored status.
 */
export function credentialValidOn(c: Pick<CredentialFacts, 'status' | 'issuedOn' | 'expiresOn'>, day: string): boolean {
  return effectiveStatus(c, day) === CredentialStatus.VALID && c.issuedOn <= day;
}

/**
 * 持证执法 Whether any of an officer's credentials allows enforcement of `category` in `region`
 * on `day`: issued, not expired, not suspended or revoked, and covering both (行政处罚法 §42: penalties
 * are imposed by officers qualified for enforcement).
 */
export function credentialCoverage(
  creds: readonly CredentialFacts[],
  need: { category: EnforcementCategory; region: string; day: string },
): Coverage {
  if (creds.length === 0)
    return { valid: false, reason: 'holds no enforcement credential / 未持有执法证件', credentialNumber: null };
  const reasons: string[] = [];
  for (const c of creds) {
    const status = effectiveStatus(c, need.day);
    if (need.day < c.issuedOn) reasons.push(`${c.number} not yet issued on ${need.day}`);
    else if (status !== CredentialStatus.VALID) reasons.push(`${c.number} is ${status}`);
    else if (!c.categories.includes(need.category)) reasons.push(`${c.number} does not cover ${need.category}`);
    else if (!regionCovers(c.region, need.region)) reasons.push(`${c.number} covers ${c.region}, not ${need.region}`);
    else return { valid: true, reason: null, credentialNumber: c.number };
  }
  return { valid: false, reason: reasons.join('; '), credentialNumber: null };
}

/** 动态管理 Allowed manual status changes; EXPIRED follows from the date, REVOKED is final. */
const TRANSITIONS: Record<StoredCredentialStatus, readonly CredentialStatus[]> = {
  VALID: [CredentialStatus.SUSPENDED, CredentialStatus.REVOKED],
  SUSPENDED: [CredentialStatus.VALID, CredentialStatus.REVOKED],
  REVOKED: [],
};

export function statusChangeProblem(from: StoredCredentialStatus, to: CredentialStatus): string | null {
  if (to === CredentialStatus.EXPIRED)
    return 'EXPIRED follows from the expiry date and cannot be set / 过期状态由有效期决定';
  if (!TRANSITIONS[from].includes(to)) return `cannot change a ${from} credential to ${to}`;
  return null;
}

/** Credential numbers: letters, digits and dashes, 6–32 characters (province print format varies). */
export function credentialNumberProblem(number: string): string | null {
  return /^[A-Za-z0-9-]{6,32}$/.test(number) ? null : 'must be 6–32 letters, digits or dashes';
}

/** 有效期 A credential must expire after the day it is issued (a same-day expiry would never be valid). */
export function credentialValidityProblem(issuedOn: string, expiresOn: string): string | null {
  return expiresOn > issuedOn ? null : 'must be after issuedOn / 有效期须晚于发证日期';
}
