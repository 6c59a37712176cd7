import { badInput, type Context, isUuid, loadCalendar, requireText, shanghaiDate } from '@tsp/shared';

import { SupervisionInstrumentEntity, SupervisionInstrumentStepEntity } from '../entities/index.js';
import type { FindingRef } from '../entities/instrument.js';
import { publishInstrumentEvent } from '../events/instrument-events.js';
import { INSTRUMENT_LIMITS, instrumentStatusAfter, responseDueOn } from '../rules/instrument.js';
import { InstrumentAction, type InstrumentKind } from '../rules/instrument-kinds.js';
import { bureauAgency } from './instrument-access.js';

export interface IssueInstrument {
  kind: InstrumentKind;
  agencyId: string;
  subject: string;
  findings: string;
  requirements: string;
  legalBasis: string;
  responseWorkingDays?: number | null;
  caseIds?: string[] | null;
  findingRefs?: FindingRef[] | null;
}

/** Text and lists checked before anything is asked or written; BAD_USER_INPUT names the field. */
function checked(input: IssueInstrument) {
  const L = INSTRUMENT_LIMITS;
  const caseIds = input.caseIds ?? [];
  if (caseIds.length > L.caseIds) throw badInput('caseIds', `at most ${L.caseIds}`);
  caseIds.forEach((c, i) => {
    if (!isUuid(c)) throw badInput(`caseIds.${i}`, 'not an id');
  });
  const refs = input.findingRefs ?? [];
  if (refs.length > L.findingRefs) throw badInput('findingRefs', `at most ${L.findingRefs}`);
  return {
    subject: requireText('subject', input.subject, L.subject),
    findings: requireText('findings', input.findings, L.findings),
    requirements: requireText('requirements', input.requirements, L.requirements),
    legalBasis: requireText('legalBasis', input.legalBasis, L.legalBasis),
    caseIds: [...new Set(caseIds.map((c) => c.toLowerCase()))],
    findingRefs: refs.map((r, i) => ({
      kind: r.kind,
      subjectId: requireText(`findingRefs.${i}.subjectId`, r.subjectId, L.subjectId),
    })),
  };
}

/**
 * 制发监督意见书、监督决定书 The bureau of the agency's region (ADMIN) issues an instrument; the response is due in
 * working days on the official calendar (default 15 for an opinion, 10 for a decision; 5…30).
 */
export async function issueSupervisionInstrument(
  ctx: Context,
  input: IssueInstrument,
): Promise<SupervisionInstrumentEntity> {
  const text = checked(input);
  const agency = await bureauAgency(ctx.identity, input.agencyId);
  return ctx.em.transactional(async (tx) => {
    const due = responseDueOn(await loadCalendar(tx), shanghaiDate(), input.kind, input.responseWorkingDays);
    if ('problem' in due) throw badInput('responseWorkingDays', due.problem);
    const i = tx.create(SupervisionInstrumentEntity, {
      kind: input.kind,
      agencyId: agency.id,
      region: agency.region,
      ...text,
      responseWorkingDays: due.workingDays,
      status: instrumentStatusAfter(InstrumentAction.ISSUE),
      issuedBy: ctx.identity.sub ?? '',
      dueOn: due.dueOn,
    });
    tx.create(SupervisionInstrumentStepEntity, {
      instrumentId: i.id,
      action: InstrumentAction.ISSUE,
      actor: ctx.identity.sub ?? '',
      dueOn: due.dueOn,
    });
    await tx.flush();
    await publishInstrumentEvent(tx, 'SupervisionInstrumentIssued', i);
    return i;
  });
}
