import type { EntityManager } from '@mikro-orm/postgresql';
import { type Context, loadCalendar, type PenaltyKind, shanghaiDate } from '@tsp/shared';

import { ProcedureSettingsEntity } from '../entities/index.js';
import {
  DEFAULT_STATEMENT_WORKING_DAYS,
  HEARING_NOTICE_WORKING_DAYS,
  HEARING_REQUEST_WORKING_DAYS,
  noticeDeadlines,
  type NoticeFacts,
  type ProcedureFacts,
} from '../rules/procedure.js';

/** The latest prior notice of a case, as served. */
export interface ServedNotice extends NoticeFacts {
  id: string;
  entryId: string;
  facts: string;
  legalBasis: string;
  servedAt: Date;
}

/** 程序记录 What a case's record says of the party's procedural rights, read in one statement for any number of cases. */
export interface CaseProcedureRecord {
  caseId: string;
  notice: ServedNotice | null;
  waivedOn: string | null;
  hearingRequestedOn: string | null;
  hearing: (NonNullable<ProcedureFacts['hearing']> & { id: string; entryId: string; heldAt: Date }) | null;
  /** 调查人员 The case's handlers and every officer of its investigation and evidence entries (§64(四)). */
  investigatorIds: string[];
}

interface Row {
  case_id: string;
  notice_id: string | null;
  notice_entry_id: string | null;
  penalty_kinds: PenaltyKind[] | null;
  fine_amount: string | null;
  confiscation_amount: string | null;
  facts: string | null;
  legal_basis: string | null;
  hearing_offered: boolean | null;
  statement_working_days: number | null;
  served_at: string | null;
  waived_at: string | null;
  requested_at: string | null;
  hearing_id: string | null;
  hearing_entry_id: string | null;
  chair_officer_id: string | null;
  held_at: string | null;
  recorded: boolean | null;
  hearing_notice_at: string | null;
  investigator_ids: string[];
}

/**
 * The latest notice (a new one supersedes), the first waiver and the first hearing request after it, the latest
 * hearing and the latest hearing notice between the notice and the hearing: a waiver or hearing notice given before
 * the notice (of a superseded one, even the same day) answers nothing of it. Entries are found through
 * (case_id, sequence).
 */
const SQL = `
select c.id as case_id,
       n.id as notice_id, n.entry_id as notice_entry_id, n.penalty_kinds, n.fine_amount::text, n.confiscation_amount::text,
       n.facts, n.legal_basis, n.hearing_offered, n.statement_working_days, n.served_at,
       (select min(e.occurred_at) from records.record_entry e
         where e.case_id = c.id and e.activity = 'WAIVER' and e.occurred_at >= n.served_at) as waived_at,
       (select min(e.occurred_at) from records.record_entry e
         where e.case_id = c.id and e.activity = 'HEARING_REQUEST' and e.occurred_at >= n.served_at) as requested_at,
       h.id as hearing_id, h.entry_id as hearing_entry_id, h.chair_officer_id, h.held_at, h.recorded,
       (select max(e.occurred_at) from records.record_entry e
         where e.case_id = c.id and e.activity = 'HEARING_NOTICE' and e.occurred_at >= n.served_at
           and e.occurred_at <= h.held_at) as hearing_notice_at,
       array(select distinct o from (
               select unnest(c.handler_ids) as o
               union all
               select unnest(e.officer_ids) from records.record_entry e
                where e.case_id = c.id and e.stage in ('INVESTIGATION', 'EVIDENCE')) i) as investigator_ids
  from records.enforcement_case c
  left join lateral (select * from records.prior_notice p where p.case_id = c.id order by p.served_at desc limit 1) n on true
  left join lateral (select * from records.case_hearing x where x.case_id = c.id order by x.held_at desc limit 1) h on true
 where c.id = any(?::uuid[])`;

// Raw rows carry timestamps as text.
const at = (d: string) => new Date(d);
const day = (d: string | null) => (d ? shanghaiDate(at(d)) : null);

function recordOf(r: Row): CaseProcedureRecord {
  return {
    caseId: r.case_id,
    notice: r.notice_id
      ? {
          id: r.notice_id,
          entryId: r.notice_entry_id!,
          penaltyKinds: r.penalty_kinds!,
          fineAmount: r.fine_amount,
          confiscationAmount: r.confiscation_amount,
          facts: r.facts!,
          legalBasis: r.legal_basis!,
          hearingOffered: r.hearing_offered!,
          statementWorkingDays: r.statement_working_days!,
          servedAt: at(r.served_at!),
          servedOn: day(r.served_at)!,
        }
      : null,
    waivedOn: day(r.waived_at),
    hearingRequestedOn: day(r.requested_at),
    hearing: r.hearing_id
      ? {
          id: r.hearing_id,
          entryId: r.hearing_entry_id!,
          chairOfficerId: r.chair_officer_id!,
          heldAt: at(r.held_at!),
          heldOn: day(r.held_at)!,
          noticeServedOn: day(r.hearing_notice_at),
          recorded: r.recorded!,
        }
      : null,
    investigatorIds: r.investigator_ids,
  };
}

/** The procedure records of these cases (missing ids are left out). */
export async function readProcedure(em: EntityManager, caseIds: readonly string[]): Promise<CaseProcedureRecord[]> {
  const rows: Row[] = await em.execute(SQL, [`{${caseIds.join(',')}}`]);
  return rows.map(recordOf);
}

/** Per-request batched `EnforcementCase.procedure`. */
export const procedureOfCase = (ctx: Context) =>
  ctx.loaders.get<string, CaseProcedureRecord | null>('procedureOfCase', async (ids) => {
    const m = new Map((await readProcedure(ctx.em, ids)).map((r) => [r.caseId, r]));
    return ids.map((id) => m.get(id) ?? null);
  });

/** An agency's statement-and-defence period in working days (its setting, else the default). */
export async function statementWorkingDaysOf(em: EntityManager, agencyId: string): Promise<number> {
  const s = await em.findOne(ProcedureSettingsEntity, { agencyId });
  return s?.statementWorkingDays ?? DEFAULT_STATEMENT_WORKING_DAYS;
}

/** `EnforcementCase.procedure`: the record with the notice's deadlines on the calendar as loaded now. */
export async function caseProcedureView(ctx: Context, caseId: string) {
  const r = await procedureOfCase(ctx).load(caseId);
  if (!r) return null;
  const due = r.notice ? noticeDeadlines(r.notice, await loadCalendar(ctx.em)) : null;
  return {
    notice: r.notice,
    statementDueOn: due?.statementDueOn ?? null,
    hearingRequestDueOn: r.notice?.hearingOffered ? due!.hearingRequestDueOn : null,
    waivedOn: r.waivedOn,
    hearingRequestedOn: r.hearingRequestedOn,
    hearing: r.hearing && { ...r.hearing, chair: { id: r.hearing.chairOfficerId } },
  };
}

/** `Agency.procedureSettings` (public), batched across agencies. */
export const procedureSettingsOf = (ctx: Context) =>
  ctx.loaders.get<string, ProcedurePeriods>('procedureSettings', async (ids) => {
    const rows = await ctx.em.find(ProcedureSettingsEntity, { agencyId: { $in: [...ids] } });
    const m = new Map(rows.map((s) => [s.agencyId, s.statementWorkingDays]));
    return ids.map((id) => periodsOf(m.get(id) ?? DEFAULT_STATEMENT_WORKING_DAYS));
  });

export interface ProcedurePeriods {
  statementWorkingDays: number;
  hearingRequestWorkingDays: number;
  hearingNoticeWorkingDays: number;
}

export const periodsOf = (statementWorkingDays: number): ProcedurePeriods => ({
  statementWorkingDays,
  hearingRequestWorkingDays: HEARING_REQUEST_WORKING_DAYS,
  hearingNoticeWorkingDays: HEARING_NOTICE_WORKING_DAYS,
});
