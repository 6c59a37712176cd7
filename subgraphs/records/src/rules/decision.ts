import { compareDecimal, EnforcementCategory, PenaltyKind } from '@tsp/shared';

export interface DecisionFacts {
  penaltyKinds: readonly PenaltyKind[];
  fineAmount: string | null;
  confiscationAmount: string | null;
  decidedOn: string;
}

/**
 * A decision's amounts match its kinds: a fine needs a positive fine amount and only a fine has
 * one; the same for confiscation. Decided no earlier than filing and not in the future.
 * Returns [field, why] or null.
 */
export function decisionProblem(d: DecisionFacts, filedOn: string, today: string): [string, string] | null {
  const has = (k: PenaltyKind) => d.penaltyKinds.includes(k);
  if (has(PenaltyKind.FINE) && (d.fineAmount === null || compareDecimal(d.fineAmount, '0') <= 0))
    return ['fineAmount', 'a FINE needs a positive amount / 罚款须有金额'];
  if (!has(PenaltyKind.FINE) && d.fineAmount !== null)
    return ['fineAmount', 'only a decision with FINE has a fine amount'];
  if (
    has(PenaltyKind.CONFISCATION) &&
    (d.confiscationAmount === null || compareDecimal(d.confiscationAmount, '0') <= 0)
  )
    return [
      'confiscationAmount',
      'a CONFISCATION needs a positive amount (value of what is confiscated) / 没收须有金额',
    ];
  if (!has(PenaltyKind.CONFISCATION) && d.confiscationAmount !== null)
    return ['confiscationAmount', 'only a decision with CONFISCATION has a confiscation amount'];
  if (d.decidedOn < filedOn) return ['decidedOn', `cannot be before the filing day ${filedOn}`];
  if (d.decidedOn > today) return ['decidedOn', 'cannot be in the future'];
  return null;
}

/**
 * 行政处罚法 §9, §44: penalties are imposed in a penalty case, where the party is told and heard first and the
 * benchmark applies; a decision of another category (a licence granted, a coercive measure, an inspection's
 * outcome) imposes none. Returns [field, why] or null.
 */
export function penaltyOutsidePenaltyCase(
  category: EnforcementCategory,
  penaltyKinds: readonly PenaltyKind[],
): [string, string] | null {
  if (category === EnforcementCategory.PENALTY || penaltyKinds.length === 0) return null;
  return [
    'penaltyKinds',
    `a ${category} case imposes no penalty: open a PENALTY case for it (行政处罚法第九条、第四十四条) / 非行政处罚案件不得作出行政处罚`,
  ];
}
