import { badInput, type Context, optionalText, requireText } from '@tsp/shared';

import { SupervisionInterviewEntity } from '../entities/index.js';
import { publishInterviewEvent } from '../events/instrument-events.js';
import { heldAtProblem, INTERVIEW_LIMITS } from '../rules/interview.js';
import { bureauAgency } from './instrument-access.js';

export interface RecordInterview {
  agencyId: string;
  heldAt: Date;
  interviewees: string;
  reasons: string;
  record: string;
  followUp: string;
  attachments?: string[] | null;
}

/**
 * 约谈记录 The bureau of the agency's region (ADMIN) records an interview held with its responsible persons; integrators
 * learn that it was held, not what was said.
 */
export async function recordSupervisionInterview(
  ctx: Context,
  input: RecordInterview,
): Promise<SupervisionInterviewEntity> {
  const L = INTERVIEW_LIMITS;
  const when = heldAtProblem(input.heldAt, new Date());
  if (when) throw badInput('heldAt', when);
  const attachments = input.attachments ?? [];
  if (attachments.length > L.attachments) throw badInput('attachments', `at most ${L.attachments}`);
  const fields = {
    heldAt: input.heldAt,
    interviewees: requireText('interviewees', input.interviewees, L.interviewees),
    reasons: requireText('reasons', input.reasons, L.reasons),
    record: requireText('record', input.record, L.record),
    followUp: optionalText('followUp', input.followUp, L.followUp) ?? '',
    attachments: attachments.map((a, i) => requireText(`attachments.${i}`, a, L.attachment)),
  };
  const agency = await bureauAgency(ctx.identity, input.agencyId);
  return ctx.em.transactional(async (tx) => {
    const row = tx.create(SupervisionInterviewEntity, {
      agencyId: agency.id,
      region: agency.region,
      ...fields,
      recordedBy: ctx.identity.sub ?? '',
    });
    await tx.flush();
    await publishInterviewEvent(tx, row);
    return row;
  });
}
