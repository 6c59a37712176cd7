import { EnforcementCategory, type WorkingCalendar } from '@tsp/shared';

/**
 * 公示时限 Publication deadlines (国办发〔2018〕118号): licensing and penalty decisions within 7 working
 * days of the decision, other enforcement decisions within 20 working days.
 */
export const PUBLICATION_WORKING_DAYS: Readonly<Record<EnforcementCategory, number>> = {
  [EnforcementCategory.LICENSING]: 7,
  [EnforcementCategory.PENALTY]: 7,
  [EnforcementCategory.COERCION]: 20,
  [EnforcementCategory.INSPECTION]: 20,
  [EnforcementCategory.EXPROPRIATION]: 20,
  [EnforcementCategory.OTHER]: 20,
};

/**
 * 撤回时限 A published decision that was changed, revoked, confirmed illegal or void is taken down within
 * 3 working days of that event (行政处罚法 §48 第二款; §85: "三日" there means working days).
 */
export const WITHDRAWAL_WORKING_DAYS = 3;

/**
 * 年度统计 Each agency publishes last year's enforcement totals by 31 January (国办发〔2018〕118号:
 * 于每年1月31日前公开本机关上年度行政执法总体情况有关数据).
 */
export const ANNUAL_REPORT_DUE_MONTH_DAY = '01-31';

/** The last day on which a decision of `category` decided on `decidedOn` may be published on time. */
export function publicationDueOn(cal: WorkingCalendar, category: EnforcementCategory, decidedOn: string): string {
  return cal.addWorkingDays(decidedOn, PUBLICATION_WORKING_DAYS[category]);
}

/** The last day for taking a publication down after the decision was changed/revoked on `happenedOn`. */
export function withdrawalDueOn(cal: WorkingCalendar, happenedOn: string): string {
  return cal.addWorkingDays(happenedOn, WITHDRAWAL_WORKING_DAYS);
}

/** The day year `year`'s annual report is due. */
export function annualReportDueOn(year: number): string {
  return `${year + 1}-${ANNUAL_REPORT_DUE_MONTH_DAY}`;
}

/** Whether a publication made on `publishedOn` met its due date. */
export function publishedOnTime(publishedOn: string, dueOn: string): boolean {
  return publishedOn <= dueOn;
}
