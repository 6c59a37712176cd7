import { type Identity, notFound, requireUser, Role } from '@tsp/shared';

/** 司法局 The bureau acts on the complaints of its region; ADMIN on all. */
export function isBureauOf(id: Identity, c: { region: string }): boolean {
  return id.role === Role.ADMIN || (id.role === Role.SUPERVISOR && id.region === c.region);
}

/** The agency's staff who handle what the bureau sends it (not legal reviewers: they review decisions). */
export const HANDLERS: readonly Role[] = [Role.OFFICER, Role.AGENCY_HEAD];

/**
 * Staff of the complaint's agency, once the bureau has sent it there (before that it is the bureau's alone) — except
 * the officer it names: 信访工作条例 forbids passing a complaint or report to the person it accuses (不得将检举、揭发
 * 材料转给被检举、揭发的人员), and nobody answers a complaint about themselves.
 */
export function isHandlerOf(
  id: Identity,
  c: { agencyId: string; assignedAt: Date | null; officerId: string | null },
): boolean {
  return (
    !!id.role &&
    HANDLERS.includes(id.role) &&
    id.agencyId === c.agencyId &&
    c.assignedAt !== null &&
    (c.officerId === null || c.officerId !== id.sub)
  );
}

/**
 * A complaint the caller may not see answers NOT_FOUND, as an unknown one does: whether someone complained about an
 * agency is not for another agency, or another region's bureau, to learn.
 */
export function hidden(id: string) {
  return notFound('complaint', id);
}

export function requireSignedIn(id: Identity) {
  requireUser(id);
}
