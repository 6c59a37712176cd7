import { addCalendarDays, EnforcementCategory, type Finding, FindingKind } from '@tsp/shared';

import { audioVisualProblem } from './audio-visual.js';
import { ChallengeKind, type ChallengeOutcome, overturns } from './challenge.js';
import { isOverdue } from './deadlines.js';
import type { AttachmentFacts, RecordActivity } from './kinds.js';
import { isAcceptanceOverdue, isLicensingDecisionOverdue } from './licensing.js';
import { ProcedureReason } from './procedure.js';
import { isServiceOverdue } from './service.js';

export interface CaseFindingFacts {
  id: string;
  caseNumber: string;
  category: EnforcementCategory;
  decisionDueOn: string | null;
  decided: boolean;
}
/** A decided case not yet served, with the service due day its decision gives (rules/service.ts). */
export interface ServiceFindingFacts {
  caseId: string;
  caseNumber: string;
  category: EnforcementCategory;
  serviceDueOn: string | null;
  servedOn: string | null;
}
/** A licensing application whose answer may be late (rules/licensing.ts). */
export interface AcceptanceFindingFacts {
  caseId: string;
  caseNumber: string;
  acceptanceDueOn: string | null;
  acceptedOn: string | null;
  /** The decision day, when decided: a decision made without an ACCEPTANCE entry answers the application too. */
  decidedOn: string | null;
}
export interface EntryFindingFacts {
  id: string;
  caseId: string;
  caseNumber: string;
  category: EnforcementCategory;
  sequence: number;
  activity: RecordActivity;
  affectsLibertyOrProperty: boolean;
  attachments: AttachmentFacts[];
  occurredAt: Date;
  /** Credential problems found when a legacy entry was imported; null when none. */
  credentialProblem: string | null;
}

/** A decision that left the procedure or the benchmark: imported past the gates, or departing with its reason. */
export interface DecisionFindingFacts {
  caseId: string;
  caseNumber: string;
  category: EnforcementCategory;
  decidedOn: string;
  /** rules/procedure.ts ProcedureReason a legacy import broke; null when none. */
  procedureProblem: string | null;
  discretionDepartures: string[];
  departureReason: string | null;
  legacy: boolean;
}

/** A decision a reconsideration body or a court changed, revoked, or confirmed unlawful or void (rules/challenge.ts). */
export interface OverturnFindingFacts {
  caseId: string;
  caseNumber: string;
  category: EnforcementCategory;
  kind: ChallengeKind;
  body: string;
  reference: string;
  outcome: ChallengeOutcome;
  decidedOn: string;
}

const CHALLENGE_WORDS: Record<ChallengeKind, string> = {
  [ChallengeKind.RECONSIDERATION]: '行政复议',
  [ChallengeKind.LITIGATION]: '行政诉讼',
};

const HEARING_REASONS = new Set<string>([
  ProcedureReason.HEARING_NOT_OFFERED,
  ProcedureReason.HEARING_NOT_HELD,
  ProcedureReason.HEARING_IMPROPER,
]);

/** Shanghai midnight at the start of a day. */
const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** 记录监督发现 Records findings for one agency, from plain facts. */
export function recordFindings(f: {
  agencyId: string;
  today: string;
  cases: CaseFindingFacts[];
  entries: EntryFindingFacts[];
  audioVisualList: readonly RecordActivity[];
  unserved?: ServiceFindingFacts[];
  applications?: AcceptanceFindingFacts[];
  brokenJournals?: { caseId: string; caseNumber: string; category: EnforcementCategory; detail: string }[];
  decisions?: DecisionFindingFacts[];
  overturned?: OverturnFindingFacts[];
}): Finding[] {
  const agency = { id: f.agencyId };
  const out: Finding[] = [];
  for (const o of f.overturned ?? [])
    if (overturns(o.outcome))
      out.push({
        kind: FindingKind.DECISION_OVERTURNED,
        agency,
        subjectId: o.caseId,
        category: o.category,
        since: startOf(o.decidedOn),
        detail: `案件 ${o.caseNumber} 的决定经${CHALLENGE_WORDS[o.kind]}（${o.body} ${o.reference}）被纠错：${o.outcome} / decision overturned`,
      });
  for (const d of f.decisions ?? []) {
    const base = { agency, subjectId: d.caseId, category: d.category, since: startOf(d.decidedOn) };
    const imported = d.legacy ? '（历史导入）' : '';
    if (d.procedureProblem)
      out.push({
        ...base,
        kind: HEARING_REASONS.has(d.procedureProblem)
          ? FindingKind.HEARING_DENIED
          : FindingKind.DECISION_WITHOUT_NOTICE,
        detail: `案件 ${d.caseNumber} 的处罚决定${imported}未保障当事人程序权利：${d.procedureProblem} / procedural rights not kept (行政处罚法第四十四条至第六十五条)`,
      });
    if (d.discretionDepartures.length)
      out.push({
        ...base,
        kind: FindingKind.DISCRETION_DEPARTURE,
        detail: `案件 ${d.caseNumber} 的决定${imported}偏离裁量基准：${d.discretionDepartures.join('、')}；理由：${d.departureReason ?? '未说明'}`,
      });
  }
  for (const c of f.cases) {
    if (c.category === EnforcementCategory.LICENSING) {
      if (isLicensingDecisionOverdue({ dueOn: c.decisionDueOn, decided: c.decided }, f.today))
        out.push({
          kind: FindingKind.LICENSING_DECISION_OVERDUE,
          agency,
          subjectId: c.id,
          category: c.category,
          since: startOf(addCalendarDays(c.decisionDueOn!, 1)),
          detail: `许可案件 ${c.caseNumber} 已超过决定期限 ${c.decisionDueOn} 仍未作出决定 / licensing decision past its due date (行政许可法第四十二条)`,
        });
    } else if (isOverdue({ dueOn: c.decisionDueOn, decided: c.decided }, f.today))
      out.push({
        kind: FindingKind.CASE_OVERDUE,
        agency,
        subjectId: c.id,
        category: c.category,
        since: startOf(addCalendarDays(c.decisionDueOn!, 1)),
        detail: `案件 ${c.caseNumber} 已超过办案期限 ${c.decisionDueOn} 仍未作出决定 / past its decision deadline (行政处罚法第六十条)`,
      });
  }
  for (const s of f.unserved ?? []) {
    if (isServiceOverdue({ dueOn: s.serviceDueOn, servedOn: s.servedOn }, f.today))
      out.push({
        kind: FindingKind.SERVICE_OVERDUE,
        agency,
        subjectId: s.caseId,
        category: s.category,
        since: startOf(addCalendarDays(s.serviceDueOn!, 1)),
        detail: `案件 ${s.caseNumber} 的处罚决定书已超过送达期限 ${s.serviceDueOn} 仍未送达 / decision not served by its due date (行政处罚法第六十一条)`,
      });
  }
  for (const a of f.applications ?? []) {
    if (isAcceptanceOverdue({ dueOn: a.acceptanceDueOn, acceptedOn: a.acceptedOn, decidedOn: a.decidedOn }, f.today))
      out.push({
        kind: FindingKind.LICENSING_ACCEPTANCE_OVERDUE,
        agency,
        subjectId: a.caseId,
        category: EnforcementCategory.LICENSING,
        since: startOf(addCalendarDays(a.acceptanceDueOn!, 1)),
        detail: `许可申请 ${a.caseNumber} 未在受理期限 ${a.acceptanceDueOn} 前受理、不予受理或告知补正${a.acceptedOn ? `（${a.acceptedOn} 受理）` : ''} / not answered within 5 working days of receipt (行政许可法第三十二条)`,
      });
  }
  for (const e of f.entries) {
    const av = audioVisualProblem(e, f.audioVisualList);
    if (av)
      out.push({
        kind: FindingKind.AUDIO_VISUAL_MISSING,
        agency,
        subjectId: e.id,
        category: e.category,
        since: e.occurredAt,
        detail: `案件 ${e.caseNumber} 第${e.sequence}条记录：${av}`,
      });
    if (e.credentialProblem)
      out.push({
        kind: FindingKind.ACTION_WITHOUT_VALID_CREDENTIAL,
        agency,
        subjectId: e.id,
        category: e.category,
        since: e.occurredAt,
        detail: `案件 ${e.caseNumber} 第${e.sequence}条记录（${e.activity}）执法人员无有效证件：${e.credentialProblem}`,
      });
  }
  for (const j of f.brokenJournals ?? [])
    out.push({
      kind: FindingKind.JOURNAL_NOT_INTACT,
      agency,
      subjectId: j.caseId,
      category: j.category,
      since: new Date(),
      detail: `案件 ${j.caseNumber} 的记录日志校验失败：${j.detail}`,
    });
  return out;
}
