import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, EnforcementCategory, loadCalendar, shanghaiDate } from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';
import { readProcedure } from '../read/procedure.js';
import { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';
import {
  DEFAULT_STATEMENT_WORKING_DAYS,
  type ProcedureFacts,
  procedureProblem,
  type ProcedureReason,
} from '../rules/procedure.js';
import type { DecisionRow } from './decision.js';
import type { EntryDraft } from './drafts.js';

type Problem = { reason: ProcedureReason; why: string } | null;

/** Only a decision that imposes a penalty in a PENALTY case owes the party notice and hearing (§44, §63). */
const owesProcedure = (c: CaseEntity, d: DecisionRow) =>
  c.category === EnforcementCategory.PENALTY && d.penaltyKinds.length > 0;

/**
 * 程序关口 PROCEDURE_REQUIRED unless the case's record shows the party's rights kept for this decision:
 * notice served, period elapsed or waived, no heavier than announced, hearing offered and held as §63–§64 ask.
 * `largeAmount` is review's answer for the agency's 较大数额.
 */
export async function assertProcedure(
  em: EntityManager,
  c: CaseEntity,
  d: DecisionRow,
  largeAmount: boolean,
): Promise<void> {
  if (!owesProcedure(c, d)) return;
  const [record] = await readProcedure(em, [c.id]);
  const p = procedureProblem({ decision: d, largeAmount, ...record }, await loadCalendar(em));
  if (p) throw new AppError('PROCEDURE_REQUIRED', p.why, { reason: p.reason });
}

/**
 * What a legacy import's entries say of the procedure, judged by the same rule. An imported PRIOR_NOTICE has no
 * terms, so it is taken to have announced the decision's and offered a hearing; an imported HEARING's first
 * officer is taken as its chair, and its record is a TEXT_DOCUMENT attachment.
 */
export async function legacyProcedureProblem(
  em: EntityManager,
  c: Pick<CaseEntity, 'category' | 'handlerIds'>,
  d: DecisionRow,
  entries: readonly EntryDraft[],
  largeAmount: boolean,
): Promise<Problem> {
  if (!owesProcedure(c as CaseEntity, d)) return null;
  const before = entries.filter((e) => shanghaiDate(e.occurredAt) <= d.decidedOn);
  const last = (a: RecordActivity, list = before) => list.filter((e) => e.activity === a).at(-1) ?? null;
  const notice = last(RecordActivity.PRIOR_NOTICE);
  const after = notice ? before.filter((e) => e.occurredAt >= notice.occurredAt) : [];
  const hearing = last(RecordActivity.HEARING, after);
  const hearingNotice = hearing
    ? last(
        RecordActivity.HEARING_NOTICE,
        after.filter((e) => e.occurredAt <= hearing.occurredAt),
      )
    : null;
  const day = (e: EntryDraft | null | undefined) => (e ? shanghaiDate(e.occurredAt) : null);
  const facts: ProcedureFacts = {
    decision: d,
    largeAmount,
    notice: notice && {
      ...d,
      servedOn: day(notice)!,
      hearingOffered: true,
      statementWorkingDays: DEFAULT_STATEMENT_WORKING_DAYS,
    },
    waivedOn: day(after.find((e) => e.activity === RecordActivity.WAIVER)),
    hearingRequestedOn: day(after.find((e) => e.activity === RecordActivity.HEARING_REQUEST)),
    hearing: hearing && {
      chairOfficerId: hearing.officerIds[0],
      heldOn: day(hearing)!,
      noticeServedOn: day(hearingNotice),
      recorded: hearing.attachments.some((a) => a.kind === AttachmentKind.TEXT_DOCUMENT),
    },
    investigatorIds: [
      ...c.handlerIds,
      ...entries
        .filter((e) => e.stage === CaseStage.INVESTIGATION || e.stage === CaseStage.EVIDENCE)
        .flatMap((e) => e.officerIds),
    ],
  };
  return procedureProblem(facts, await loadCalendar(em));
}
