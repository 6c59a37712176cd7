import type { SupervisionInstrumentEntity, SupervisionInstrumentStepEntity } from '../entities/index.js';
import type { FindingRef } from '../entities/instrument.js';
import { isResponseOverdue } from '../rules/instrument.js';
import type { InstrumentAction, InstrumentKind, InstrumentStatus } from '../rules/instrument-kinds.js';

/** What the GraphQL SupervisionInstrument type shows (the bureau and the agency's staff see the same). */
export interface InstrumentView {
  id: string;
  kind: InstrumentKind;
  agency: { id: string };
  region: string;
  subject: string;
  findings: string;
  requirements: string;
  legalBasis: string;
  caseIds: string[];
  findingRefs: FindingRef[];
  responseWorkingDays: number;
  status: InstrumentStatus;
  issuedAt: Date;
  dueOn: string;
  overdue: boolean;
  response: string | null;
  measures: string | null;
  respondedAt: Date | null;
  returnCount: number;
  returnNote: string | null;
  closedAt: Date | null;
  closeNote: string | null;
}

export function instrumentView(i: SupervisionInstrumentEntity, today: string): InstrumentView {
  return {
    id: i.id,
    kind: i.kind,
    agency: { id: i.agencyId },
    region: i.region,
    subject: i.subject,
    findings: i.findings,
    requirements: i.requirements,
    legalBasis: i.legalBasis,
    caseIds: i.caseIds,
    findingRefs: i.findingRefs,
    responseWorkingDays: i.responseWorkingDays,
    status: i.status,
    issuedAt: i.issuedAt,
    dueOn: i.dueOn,
    overdue: isResponseOverdue(i, today),
    response: i.response,
    measures: i.measures,
    respondedAt: i.respondedAt,
    returnCount: i.returnCount,
    returnNote: i.returnNote,
    closedAt: i.closedAt,
    closeNote: i.closeNote,
  };
}

export interface InstrumentStepView {
  action: InstrumentAction;
  at: Date;
  text: string | null;
  measures: string | null;
  dueOn: string | null;
}

export const stepView = (s: SupervisionInstrumentStepEntity): InstrumentStepView => ({
  action: s.action,
  at: s.at,
  text: s.text,
  measures: s.measures,
  dueOn: s.dueOn,
});
