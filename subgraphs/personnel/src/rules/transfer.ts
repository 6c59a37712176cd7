import { shanghaiDate } from '@tsp/shared';

import { CredentialStatus, type StoredCredentialStatus } from './kinds.js';

/**
 * 人员调动 An officer moves to another agency. A credential is issued for enforcement in one agency and
 * names it, so the old agency's credentials end with the move (调离注销) and the new agency's
 * credential is issued afresh; the officer's past cases stay with the old agency.
 */

/** One recorded move (plain data, no ORM). */
export interface TransferFacts {
  fromAgencyId: string;
  toAgencyId: string;
  /** 生效日期 The first day in the new agency. */
  effectiveOn: string;
  reason: string;
}

export interface TransferRequest {
  currentAgencyId: string;
  targetAgencyId: string;
  effectiveOn: string;
  /** First day of the officer's current assignment: registration or the last transfer. */
  currentSince: string;
  today: string;
}

export interface TransferProblem {
  field: 'agencyId' | 'effectiveOn';
  why: string;
}

/**
 * Why this transfer cannot be recorded, or null. A transfer is recorded when it takes effect (no
 * scheduler moves officers later, and the public list must change at once), and never before the
 * officer's current assignment began, so the history has no overlaps.
 */
export function transferProblem(r: TransferRequest): TransferProblem | null {
  if (r.targetAgencyId === r.currentAgencyId)
    return { field: 'agencyId', why: 'the officer already belongs to this agency / 已在该机关，无需调动' };
  if (r.effectiveOn > r.today)
    return {
      field: 'effectiveOn',
      why: `must not be after today (${r.today}); record the transfer when it takes effect / 生效日期不能晚于今天`,
    };
  if (r.effectiveOn < r.currentSince)
    return {
      field: 'effectiveOn',
      why: `must not be before the current assignment began (${r.currentSince}) / 生效日期不能早于现任职起始日期`,
    };
  return null;
}

/** 任职经历 One stretch in one agency: from its first day to the first day elsewhere (null while current). */
export interface Assignment {
  agencyId: string;
  from: string;
  to: string | null;
  /** Why the officer came to this agency; null for the agency they were registered with. */
  reason: string | null;
}

/** The officer's assignments, oldest first, from the registration day and the transfers in order. */
export function assignmentHistory(
  registeredOn: string,
  currentAgencyId: string,
  transfers: readonly TransferFacts[],
): Assignment[] {
  const ordered = [...transfers].sort((a, b) =>
    a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0,
  );
  const out: Assignment[] = [];
  let agencyId = ordered[0]?.fromAgencyId ?? currentAgencyId;
  let from = registeredOn;
  let reason: string | null = null;
  for (const t of ordered) {
    out.push({ agencyId, from, to: t.effectiveOn, reason });
    agencyId = t.toAgencyId;
    from = t.effectiveOn;
    reason = t.reason;
  }
  out.push({ agencyId, from, to: null, reason });
  return out;
}

/** The day the officer was registered, in Asia/Shanghai: where their first assignment begins. */
export function registeredOn(o: { createdAt: Date }): string {
  return shanghaiDate(o.createdAt);
}

/** The first day of the current assignment. */
export function currentSince(registeredOn: string, transfers: readonly TransferFacts[]): string {
  return transfers.reduce((d, t) => (t.effectiveOn > d ? t.effectiveOn : d), registeredOn);
}

/** 调离注销 Credentials the move ends: those issued for the old agency and not already revoked (REVOKED is final). */
export function credentialsEndedByTransfer<C extends { agencyId: string; status: StoredCredentialStatus }>(
  creds: readonly C[],
  fromAgencyId: string,
): C[] {
  return creds.filter((c) => c.agencyId === fromAgencyId && c.status !== CredentialStatus.REVOKED);
}

/** The reason written into each ended credential's status history. */
export function transferRevocationReason(t: {
  fromAgencyName: string;
  toAgencyName: string;
  effectiveOn: string;
  reason: string;
}): string {
  return `调离注销 transferred from ${t.fromAgencyName} to ${t.toAgencyName} on ${t.effectiveOn}: ${t.reason}`;
}
