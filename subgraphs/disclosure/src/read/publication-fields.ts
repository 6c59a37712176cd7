import { type Context, isUuid, shanghaiDate } from '@tsp/shared';

import type { PublicationEntity } from '../entities/index.js';
import type { PublicationStatus, RevisionAction } from '../rules/kinds.js';
import { effectiveStatus, type PublicText } from '../rules/publication.js';
import { mayRead } from './access.js';
import { load } from './loaders.js';

/** The status a reader sees today (EXPIRED once the publication period is over). */
export function statusToday(p: PublicationEntity): PublicationStatus {
  return effectiveStatus(p, shanghaiDate());
}

/** The case link: shown only to those who may read the agency's cases (the case itself is records' to authorize). */
export function caseOf(ctx: Context, p: PublicationEntity): { id: string } | null {
  return p.caseId && mayRead(ctx, p) ? { id: p.caseId } : null;
}

export interface RevisionView extends PublicText {
  version: number;
  action: RevisionAction;
  reason: string;
  at: Date;
}

/** A publication's history: the agency's readers see all of it, the public the revisions made while published. */
export async function revisionsOf(ctx: Context, p: PublicationEntity): Promise<RevisionView[]> {
  const all = await load.revisions(ctx).load(p.id);
  const mine = mayRead(ctx, p);
  return all
    .filter((r) => mine || r.public)
    .map((r) => ({ ...r.snapshot, version: r.version, action: r.action, reason: r.reason, at: r.at }));
}

/** The publication of a case's decision, for the agency's readers only (authorized on the publication's own row). */
export async function publicationOfCase(ctx: Context, caseId: string): Promise<PublicationEntity | null> {
  if (!isUuid(caseId)) return null;
  const p = await load.publicationOfCase(ctx).load(caseId.toLowerCase());
  return p && mayRead(ctx, p) ? p : null;
}
