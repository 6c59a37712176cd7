import { addCalendarMonths, badInput, compareDecimal, PartyType, PenaltyKind } from '@tsp/shared';

/**
 * 公示期限 How long a published decision stays on the public list.
 *
 * Default from market-regulation practice, 《市场监督管理行政处罚信息公示规定》(国家市场监督管理总局令第45号)
 * 第十三条: decisions consisting only of a warning (通报批评/警告) or a "较低数额罚款" stop being shown 3 months after
 * publication; all others after 3 years. "较低数额罚款" is set by provincial market regulators; we take the
 * standard several provinces adopted (贵州省市场监管局 2023-12-19, 闽市监规〔2024〕3号): below 5,000 yuan for a
 * natural person, below 50,000 yuan for an organisation (不含本数). An agency may configure its own periods
 * per penalty kind (setPublicationPeriods).
 */
export const SMALL_FINE_BELOW: Readonly<Record<PartyType, string>> = {
  [PartyType.NATURAL_PERSON]: '5000.00',
  [PartyType.ORGANIZATION]: '50000.00',
};
export const SHORT_PERIOD_MONTHS = 3;
export const LONG_PERIOD_MONTHS = 36;

/** Penalty kinds whose decisions, alone, get the short period (a small fine also needs the amount test). */
const LIGHT_KINDS: ReadonlySet<PenaltyKind> = new Set([PenaltyKind.WARNING, PenaltyKind.FINE]);

export interface PeriodFacts {
  partyType: PartyType;
  penaltyKinds: readonly PenaltyKind[];
  fineAmount: string | null;
}

/** An agency's configured period (months) per penalty kind; the longest applicable one wins. */
export type PeriodConfig = ReadonlyMap<PenaltyKind, number>;

export function isSmallFine(partyType: PartyType, amount: string | null): boolean {
  return amount == null || compareDecimal(amount, SMALL_FINE_BELOW[partyType]) < 0;
}

/** The default period in months for a decision. Non-penalty decisions (no kinds) get the long period. */
export function defaultPeriodMonths(f: PeriodFacts): number {
  if (f.penaltyKinds.length === 0) return LONG_PERIOD_MONTHS;
  const light = f.penaltyKinds.every((k) => LIGHT_KINDS.has(k));
  const smallFine = !f.penaltyKinds.includes(PenaltyKind.FINE) || isSmallFine(f.partyType, f.fineAmount);
  return light && smallFine ? SHORT_PERIOD_MONTHS : LONG_PERIOD_MONTHS;
}

/**
 * The period for a decision: each penalty kind the agency configured replaces the default for that
 * kind; the longest period among the decision's kinds applies (a fine plus a licence revocation stays
 * as long as the revocation).
 */
export function periodMonths(f: PeriodFacts, config: PeriodConfig = new Map()): number {
  const def = defaultPeriodMonths(f);
  if (f.penaltyKinds.length === 0) return def;
  const perKind = f.penaltyKinds.map((k) => config.get(k) ?? defaultPeriodMonths({ ...f, penaltyKinds: [k] }));
  const configured = f.penaltyKinds.some((k) => config.has(k));
  return configured ? Math.max(...perKind) : def;
}

/** The last day a publication made on `publishedOn` is shown. */
export function visibleUntil(publishedOn: string, months: number): string {
  return addCalendarMonths(publishedOn, months);
}

/** Whether a publication is past its period on `today` (it leaves the list the day after `visibleUntil`). */
export function isExpired(expiresOn: string | null | undefined, today: string): boolean {
  return expiresOn != null && expiresOn < today;
}

/** The longest period an agency may configure (10 years). */
export const MAX_PERIOD_MONTHS = 120;

/** An agency's configured period: whole months, 1…MAX_PERIOD_MONTHS; null goes back to the legal default. */
export function checkPeriodMonths(field: string, kind: PenaltyKind, months: number | null | undefined): number | null {
  if (months == null) return null;
  if (!Number.isInteger(months) || months < 1 || months > MAX_PERIOD_MONTHS)
    throw badInput(field, `must be 1…${MAX_PERIOD_MONTHS} months (got ${months} for ${kind})`);
  return months;
}
