import { addCalendarDays } from '@tsp/shared';

import { InspectionKind } from './kinds.js';

/**
 * 检查频次上限 国办发〔2024〕54号 requires a yearly cap on inspections of one enterprise, set by each field and place;
 * cities also alert on bursts across agencies (Chengdu: more than 1 a day, 2 a week or 3 a month). A region
 * configures its numbers; these defaults are Chengdu's burst limits and two routine visits per agency and year.
 */
export interface FrequencyCaps {
  /** Visits to one enterprise on one calendar day, all agencies together. */
  perDay: number;
  /** … in one calendar week (Monday to Sunday). */
  perWeek: number;
  /** … in one calendar month. */
  perMonth: number;
  /** Routine and joint visits by one agency to one enterprise in a calendar year. */
  routinePerAgencyYear: number;
}

export const DEFAULT_CAPS: FrequencyCaps = { perDay: 1, perWeek: 2, perMonth: 3, routinePerAgencyYear: 2 };

export const MAX_CAP = 1000;

/** Null when every cap is a whole number from 1 to MAX_CAP, else the field that is not. */
export function capsProblem(c: FrequencyCaps): keyof FrequencyCaps | null {
  for (const k of ['perDay', 'perWeek', 'perMonth', 'routinePerAgencyYear'] as const)
    if (!Number.isInteger(c[k]) || c[k] < 1 || c[k] > MAX_CAP) return k;
  return null;
}

/** One visit to one enterprise. A joint inspection is one visit, whatever the number of agencies in it. */
export interface Visit {
  inspectionId: string;
  enterpriseId: string;
  /** The lead agency first, then the joint partners. */
  agencyIds: readonly string[];
  kind: InspectionKind;
  /** Calendar day in Asia/Shanghai: the start day once started, else the planned day. */
  day: string;
}

export enum CapKind {
  PER_DAY = 'PER_DAY',
  PER_WEEK = 'PER_WEEK',
  PER_MONTH = 'PER_MONTH',
  ROUTINE_PER_AGENCY_YEAR = 'ROUTINE_PER_AGENCY_YEAR',
}

export interface CapBreach {
  cap: CapKind;
  limit: number;
  enterpriseId: string;
  /** The agency whose yearly routine cap is reached (null for the all-agency caps). */
  agencyId: string | null;
  /** The other visits in the same window, oldest first. */
  earlier: Visit[];
}

/** Monday of the ISO week holding `day`. */
export function weekStart(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addCalendarDays(day, -((dow + 6) % 7));
}

/**
 * The days whose visits a visit on `day` is counted against: its calendar year (routine, month and day caps) and
 * its Monday-to-Sunday week, which crosses New Year on some years (2025-12-29…2026-01-04): a Wednesday visit on
 * 31 December counts in the week of a Thursday visit on 1 January.
 */
export function countedDays(day: string): { from: string; to: string } {
  const monday = weekStart(day);
  const sunday = addCalendarDays(monday, 6);
  const year = day.slice(0, 4);
  return {
    from: monday < `${year}-01-01` ? monday : `${year}-01-01`,
    to: sunday > `${year}-12-31` ? sunday : `${year}-12-31`,
  };
}

const countsAsRoutine = (k: InspectionKind) => k === InspectionKind.ROUTINE || k === InspectionKind.JOINT;

/**
 * The caps a visit would break, given the enterprise's other counted visits (approved or started, any agency; the
 * caller decides which: all of them at approval and start, only the earlier ones when judging after the fact).
 */
export function capBreaches(caps: FrequencyCaps, visit: Visit, others: readonly Visit[]): CapBreach[] {
  const same = others
    .filter((o) => o.enterpriseId === visit.enterpriseId && o.inspectionId !== visit.inspectionId)
    .sort((a, b) => a.day.localeCompare(b.day) || a.inspectionId.localeCompare(b.inspectionId));
  const out: CapBreach[] = [];
  const check = (cap: CapKind, limit: number, inWindow: (o: Visit) => boolean, agencyId: string | null = null) => {
    const earlier = same.filter(inWindow);
    if (earlier.length + 1 > limit) out.push({ cap, limit, enterpriseId: visit.enterpriseId, agencyId, earlier });
  };
  check(CapKind.PER_DAY, caps.perDay, (o) => o.day === visit.day);
  check(CapKind.PER_WEEK, caps.perWeek, (o) => weekStart(o.day) === weekStart(visit.day));
  check(CapKind.PER_MONTH, caps.perMonth, (o) => o.day.slice(0, 7) === visit.day.slice(0, 7));
  if (countsAsRoutine(visit.kind))
    for (const agencyId of visit.agencyIds)
      check(
        CapKind.ROUTINE_PER_AGENCY_YEAR,
        caps.routinePerAgencyYear,
        (o) => countsAsRoutine(o.kind) && o.agencyIds.includes(agencyId) && o.day.slice(0, 4) === visit.day.slice(0, 4),
        agencyId,
      );
  return out;
}

const CAP_WORDS: Record<CapKind, string> = {
  [CapKind.PER_DAY]: '每日 per day',
  [CapKind.PER_WEEK]: '每周 per week',
  [CapKind.PER_MONTH]: '每月 per month',
  [CapKind.ROUTINE_PER_AGENCY_YEAR]: '本机关年度日常检查 routine visits by one agency per year',
};

/** A readable refusal naming each cap and the earlier inspections that fill it. */
export function capMessage(breaches: readonly CapBreach[]): string {
  return breaches
    .map(
      (b) =>
        `检查频次超过上限 ${CAP_WORDS[b.cap]} ≤ ${b.limit} for enterprise ${b.enterpriseId}; earlier: ` +
        b.earlier.map((e) => `${e.inspectionId} (${e.day})`).join(', '),
    )
    .join('; ');
}
