import {
  badInput,
  clientCountingKey,
  config,
  consumeRateLimits,
  type Context,
  optionalText,
  requireId,
  requireText,
} from '@tsp/shared';

import { agencyFacts, officerFacts } from '../clients/personnel.js';
import { ComplaintEntity } from '../entities/index.js';
import { publishComplaintEvent } from '../events/complaint-events.js';
import { complainantProblem, COMPLAINT_LIMITS } from '../rules/complaint.js';
import { ComplaintKind, ComplaintStatus } from '../rules/kinds.js';
import { newReceiptCode, receiptHash } from '../rules/receipt.js';

export interface SubmitComplaint {
  kind?: ComplaintKind | null;
  agencyId: string;
  officerId?: string | null;
  caseNumber?: string | null;
  subject: string;
  content: string;
  anonymous?: boolean | null;
  name?: string | null;
  phone?: string | null;
  idNumber?: string | null;
}

export interface ComplaintReceipt {
  id: string;
  /** Shown once, in this answer; a repeat of the request (Idempotency-Key) answers null. */
  receiptCode: string | null;
  status: ComplaintStatus;
  submittedAt: Date;
}

/** Per client address, counted in supervision.complaint_rate (every instance shares it). */
const limits = () => [
  { name: 'hour', points: config().COMPLAINT_RATE_PER_HOUR, durationSeconds: 3600 },
  { name: 'day', points: config().COMPLAINT_RATE_PER_DAY, durationSeconds: 86_400 },
];

/**
 * 投诉举报 Anyone, without an account, complains about an agency's enforcement (or reports it, anonymously if they
 * wish). Input is checked first (nothing counted or written on a refusal), then the client's address is counted
 * against the limits (RATE_LIMITED), then the agency and officer are asked of personnel (failing closed).
 */
export async function submitComplaint(ctx: Context, input: SubmitComplaint): Promise<ComplaintReceipt> {
  const kind = input.kind ?? ComplaintKind.COMPLAINT;
  const anonymous = input.anonymous ?? false;
  const agencyId = idOrBadInput('agencyId', input.agencyId);
  const officerId = input.officerId ? idOrBadInput('officerId', input.officerId) : null;
  const caseNumber = optionalText('caseNumber', input.caseNumber, COMPLAINT_LIMITS.caseNumber);
  const subject = requireText('subject', input.subject, COMPLAINT_LIMITS.subject);
  const content = requireText('content', input.content, COMPLAINT_LIMITS.content);
  const complainant = {
    name: optionalText('name', input.name, COMPLAINT_LIMITS.name),
    phone: optionalText('phone', input.phone, COMPLAINT_LIMITS.phone),
    idNumber: optionalText('idNumber', input.idNumber?.toUpperCase(), 18),
  };
  const problem = complainantProblem(kind, anonymous, complainant);
  if (problem) throw badInput(problem.field, problem.message);

  await consumeRateLimits(
    ctx.em,
    { schema: 'supervision', table: 'complaint_rate' },
    clientCountingKey(ctx.clientAddress ?? ''),
    limits(),
  );

  const [agency] = await agencyFacts([agencyId]);
  if (!agency) throw badInput('agencyId', 'no such agency');
  if (officerId) {
    const [officer] = await officerFacts([officerId]);
    // The same answer for an unknown officer and another agency's: the form reveals nothing about who works where.
    if (!officer || officer.agencyId !== agency.id) throw badInput('officerId', 'no such officer in this agency');
  }
  const code = newReceiptCode();
  return ctx.em.transactional(async (tx) => {
    const c = tx.create(ComplaintEntity, {
      receiptHash: receiptHash(code),
      kind,
      agencyId: agency.id,
      region: agency.region,
      officerId,
      caseNumber,
      subject,
      content,
      anonymous,
      complainantName: complainant.name,
      complainantPhone: complainant.phone,
      complainantIdNumber: complainant.idNumber,
      status: ComplaintStatus.SUBMITTED,
    });
    await tx.flush();
    await publishComplaintEvent(tx, 'ComplaintSubmitted', c);
    return { id: c.id, receiptCode: code, status: c.status, submittedAt: c.submittedAt };
  });
}

function idOrBadInput(field: string, id: string): string {
  try {
    return requireId(field, id);
  } catch {
    throw badInput(field, 'not an id');
  }
}
