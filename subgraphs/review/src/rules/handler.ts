import { forbidden, Role } from '@tsp/shared';

/**
 * 送审 A proposed decision goes to the legal office from the officers who handle the case, or from the
 * agency head who decides it; an officer who does not handle the case has no proposal of their own to submit.
 */
export function assertMaySubmit(f: { role: Role | null; officerId: string; handlerIds: readonly string[] }): void {
  if (f.role === Role.OFFICER && !f.handlerIds.includes(f.officerId))
    throw forbidden(
      'only a handler of the case or the agency head may submit it for review / 仅承办人或机关负责人可送审',
    );
}

/** 提请协调 Only a handler, who made the proposal the review returned or failed, may disagree with it. */
export function assertMayEscalate(f: { officerId: string; handlerIds: readonly string[] }): void {
  if (!f.handlerIds.includes(f.officerId))
    throw forbidden('only a handler of the case may escalate its review / 仅承办人可提请协调');
}
