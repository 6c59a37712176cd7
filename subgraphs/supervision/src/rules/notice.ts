/**
 * 通报 The bureau makes public what its supervision found, commending or criticising agencies by name
 * (行政执法监督条例, 国务院令第825号, on publicising supervision results). A notice withdrawn leaves the public list
 * and keeps its reason in the bureau's history.
 */
export const NOTICE_LIMITS = { title: 200, body: 20_000, agencies: 50, reason: 2000 };

/** Why a notice cannot be withdrawn, or null. */
export function withdrawProblem(n: { withdrawnAt: Date | null }): string | null {
  return n.withdrawnAt ? 'the notice is already withdrawn / 通报已撤回' : null;
}
