import { compareDecimal, type EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import type { LargeAmounts } from './thresholds.js';

/** 拟作出的决定及案件事实 What a major-decision determination looks at. */
export interface DecisionFacts {
  category: EnforcementCategory;
  partyType: PartyType;
  penaltyKinds: readonly PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
  amountInvolved?: string | null;
  hearingHeld: boolean;
}

/** Amount thresholds by party type; a side left null does not apply to that party type. */
export interface PartyThresholds {
  naturalPerson: string | null;
  organization: string | null;
}

/**
 * 目录清单条目 A catalogue rule. Its machine-checkable criteria are conjunctive: every criterion the
 * rule sets must hold. A rule that sets none (only enforcement level, field or social impact as
 * free text) is guidance the handler applies by hand and never matches automatically.
 */
export interface CatalogRule {
  id: string;
  category: EnforcementCategory;
  description: string;
  penaltyKinds: readonly PenaltyKind[];
  fineThreshold: PartyThresholds | null;
  amountInvolvedThreshold: PartyThresholds | null;
  hearingHeld: boolean;
  legalBasis: string;
  active: boolean;
}

export interface MajorDetermination {
  major: boolean;
  reasons: string[];
}

const PARTY_ZH: Record<PartyType, string> = { NATURAL_PERSON: '自然人', ORGANIZATION: '法人或其他组织' };

function thresholdFor(t: PartyThresholds, party: PartyType): string | null {
  return party === PartyType.NATURAL_PERSON ? t.naturalPerson : t.organization;
}

function atLeast(amount: string | null | undefined, min: string | null): boolean {
  return amount != null && min != null && compareDecimal(amount, min) >= 0;
}

/** Whether a rule sets any criterion software can check. */
export function isMachineCheckable(
  r: Pick<CatalogRule, 'penaltyKinds' | 'fineThreshold' | 'amountInvolvedThreshold' | 'hearingHeld'>,
): boolean {
  return r.penaltyKinds.length > 0 || !!r.fineThreshold || !!r.amountInvolvedThreshold || r.hearingHeld;
}

/** Whether one catalogue rule makes this decision major. */
export function ruleMatches(r: CatalogRule, d: DecisionFacts): boolean {
  if (!r.active || r.category !== d.category || !isMachineCheckable(r)) return false;
  if (r.penaltyKinds.length && !r.penaltyKinds.some((k) => d.penaltyKinds.includes(k))) return false;
  if (r.fineThreshold && !atLeast(d.fineAmount, thresholdFor(r.fineThreshold, d.partyType))) return false;
  if (r.amountInvolvedThreshold && !atLeast(d.amountInvolved, thresholdFor(r.amountInvolvedThreshold, d.partyType)))
    return false;
  if (r.hearingHeld && !d.hearingHeld) return false;
  return true;
}

/**
 * 法定重大情形 Always major, whatever the catalogue says (行政处罚法第五十八条, and the hearing cases
 * of 第六十三条): a hearing was held, a licence is revoked, business is suspended or closed, or the
 * fine or confiscation is large for the party type (agency setting, see thresholds.ts).
 */
export function statutoryReasons(d: DecisionFacts, large: LargeAmounts): string[] {
  const out: string[] = [];
  if (d.hearingHeld) out.push('经过听证程序 / a hearing was held (行政处罚法第五十八条)');
  if (d.penaltyKinds.includes(PenaltyKind.LICENCE_REVOCATION))
    out.push('拟吊销许可证件 / licence revocation (行政处罚法第五十八条、第六十三条)');
  if (d.penaltyKinds.includes(PenaltyKind.BUSINESS_SUSPENSION))
    out.push('拟责令停产停业、责令关闭 / business suspension or closure (行政处罚法第五十八条、第六十三条)');
  const min = largeAmountFor(d.partyType, large);
  if (atLeast(d.fineAmount, min))
    out.push(
      `拟对${PARTY_ZH[d.partyType]}处${d.fineAmount}元罚款，达到较大数额${min}元 / large fine (行政处罚法第六十三条)`,
    );
  if (atLeast(d.confiscationAmount, min))
    out.push(`拟没收${d.confiscationAmount}元，达到较大数额${min}元 / large confiscation (行政处罚法第六十三条)`);
  return out;
}

function largeAmountFor(party: PartyType, large: LargeAmounts): string {
  return party === PartyType.NATURAL_PERSON ? large.naturalPerson : large.organization;
}

/**
 * 较大数额 Whether the fine or the confiscation reaches the agency's large amount for the party type: one of
 * 行政处罚法 §63's hearing cases, asked by records' procedure gate so the threshold is set and judged in one place.
 */
export function isLargeAmount(
  d: Pick<DecisionFacts, 'partyType' | 'fineAmount' | 'confiscationAmount'>,
  large: LargeAmounts,
): boolean {
  const min = largeAmountFor(d.partyType, large);
  return atLeast(d.fineAmount, min) || atLeast(d.confiscationAmount, min);
}

/** 是否属于重大执法决定 Major or not, and every reason why. */
export function determineMajor(
  d: DecisionFacts,
  catalog: readonly CatalogRule[],
  large: LargeAmounts,
): MajorDetermination {
  const reasons = statutoryReasons(d, large);
  for (const r of catalog)
    if (ruleMatches(r, d)) reasons.push(`目录清单：${r.description}（${r.legalBasis}） / agency catalogue`);
  return { major: reasons.length > 0, reasons };
}
