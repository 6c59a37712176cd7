import type { DecisionRecordedPayload as DecisionRecorded } from '@tsp/shared';
import { badInput, conflict, PartyType, type WorkingCalendar } from '@tsp/shared';

import { publicationDueOn } from './deadlines.js';
import { PublicationStatus } from './kinds.js';
import { maskText, publicPartyName } from './masking.js';
import { isExpired } from './periods.js';

/** The published (masked) text of a publication; what revisions snapshot. */
export interface PublicText {
  caseNumber: string;
  partyName: string;
  summary: string;
  conclusion: string;
  legalBasis: string;
}

/**
 * 未成年人 Decisions involving minors are never published (未成年人保护法 §§4, 72; 国办发〔2018〕118号:
 * 涉及未成年人的不予公开). The draft keeps no personal data at all.
 */
export const MINOR_REASON =
  '当事人为未成年人，依法不予公开（未成年人保护法第七十二条） / party is a minor: never published';
const WITHHELD = '（不予公开）';

export interface Draft extends PublicText {
  publishable: boolean;
  notPublishableReason: string | null;
  dueOn: string;
  /** Kept privately only to mask the party's name in later corrections; never exposed. */
  partyNamePrivate: string | null;
}

/** The masked draft a recorded decision creates. */
export function draftFromDecision(d: DecisionRecorded, cal: WorkingCalendar): Draft {
  const dueOn = publicationDueOn(cal, d.category, d.decidedOn);
  if (d.party.isMinor) {
    return {
      caseNumber: maskText(d.caseNumber, { partyType: d.party.type }),
      partyName: WITHHELD,
      summary: WITHHELD,
      conclusion: WITHHELD,
      legalBasis: WITHHELD,
      publishable: false,
      notPublishableReason: MINOR_REASON,
      dueOn,
      partyNamePrivate: null,
    };
  }
  const ctx = { partyType: d.party.type, partyName: d.party.name };
  const summary = [d.cause && `案由：${d.cause}`, d.facts].filter(Boolean).join('。');
  return {
    caseNumber: maskText(d.caseNumber, ctx),
    partyName: publicPartyName(d.party.type, d.party.name),
    summary: maskText(summary, ctx),
    conclusion: maskText(d.conclusion || d.outcome, ctx),
    legalBasis: maskText(d.legalBasis, ctx),
    publishable: true,
    notPublishableReason: null,
    dueOn,
    partyNamePrivate: d.party.type === PartyType.NATURAL_PERSON ? d.party.name : null,
  };
}

/** Masks a correction typed by an officer with the same rules as the draft. */
export function maskCorrection(
  patch: Partial<Omit<PublicText, 'partyName'>>,
  partyType: PartyType,
  partyNamePrivate: string | null,
): Partial<PublicText> {
  const ctx = { partyType, partyName: partyNamePrivate };
  const out: Partial<PublicText> = {};
  for (const k of ['caseNumber', 'summary', 'conclusion', 'legalBasis'] as const) {
    const v = patch[k];
    if (v != null) out[k] = maskText(v, ctx);
  }
  return out;
}

export interface PublicationState {
  status: PublicationStatus.DRAFT | PublicationStatus.PUBLISHED | PublicationStatus.WITHDRAWN;
  publishable: boolean;
  notPublishableReason?: string | null;
  expiresOn?: string | null;
}

/** The status a reader sees: a published item past its period is EXPIRED. */
export function effectiveStatus(p: PublicationState, today: string): PublicationStatus {
  if (p.status === PublicationStatus.PUBLISHED && isExpired(p.expiresOn, today)) return PublicationStatus.EXPIRED;
  return p.status;
}

/** Whether the public may see it today (the one rule both the public list and the audit use). */
export function publiclyVisible(p: PublicationState, today: string): boolean {
  return p.publishable && effectiveStatus(p, today) === PublicationStatus.PUBLISHED;
}

export function assertPublishable(p: PublicationState): void {
  if (!p.publishable)
    throw conflict(`this decision may not be published: ${p.notPublishableReason ?? 'not publishable'}`);
  if (p.status !== PublicationStatus.DRAFT)
    throw conflict(`only a DRAFT can be published; this one is ${p.status} / 仅草稿可发布`);
}

export function assertCorrectable(p: PublicationState, today: string): void {
  if (!p.publishable)
    throw conflict(`this decision may not be published, so it has nothing to correct: ${p.notPublishableReason}`);
  const s = effectiveStatus(p, today);
  if (s === PublicationStatus.WITHDRAWN || s === PublicationStatus.EXPIRED)
    throw conflict(`a ${s} publication cannot be corrected / 已撤回或已期满的公示不能纠错`);
}

export function assertWithdrawable(p: PublicationState, today: string): void {
  const s = effectiveStatus(p, today);
  if (s !== PublicationStatus.PUBLISHED)
    throw conflict(`only a PUBLISHED item can be withdrawn; this one is ${s} / 仅已公示的可撤回`);
}

export function requireReason(field: string, reason: string | null | undefined): string {
  const r = (reason ?? '').trim();
  if (r.length < 2) throw badInput(field, 'a reason is required and is shown publicly / 必须说明理由');
  if (r.length > 500) throw badInput(field, 'at most 500 characters');
  return r;
}
