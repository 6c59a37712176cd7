import type { CredentialCheck as Answer } from '@tsp/shared';

/** What this rule reads of personnel's `credentialChecks` answer for one officer (the shared contract). */
export type CredentialCheck = Omit<Answer, 'credentialNumber'>;

export interface CredentialProblem {
  officerId: string;
  officerName: string | null;
  reason: string;
}

/**
 * 持证执法 Every acting officer must belong to the case's agency and hold a credential valid for
 * the category, region and day (personnel decides validity; this decides what counts).
 * An officer personnel does not answer for counts as invalid: never let an unknown actor through.
 */
export function credentialProblems(
  officerIds: readonly string[],
  checks: readonly CredentialCheck[],
  agencyId: string,
): CredentialProblem[] {
  const out: CredentialProblem[] = [];
  for (const id of officerIds) {
    const c = checks.find((x) => x.officerId === id);
    if (!c || c.agencyId === null)
      out.push({ officerId: id, officerName: null, reason: 'no such officer / 无此执法人员' });
    else if (c.agencyId !== agencyId)
      out.push({ officerId: id, officerName: c.officerName, reason: 'belongs to another agency / 非本机关执法人员' });
    else if (!c.valid)
      out.push({
        officerId: id,
        officerName: c.officerName,
        reason: c.reason ?? 'no valid credential / 无有效执法证件',
      });
  }
  return out;
}

/** One readable sentence naming each officer and why. */
export function describeCredentialProblems(p: readonly CredentialProblem[]): string {
  return p.map((x) => `${x.officerName ?? x.officerId} (${x.officerId}): ${x.reason}`).join('; ');
}
