import type { Identity } from '@tsp/shared';

import type { ComplaintEntity } from '../entities/index.js';
import { ComplaintStatus } from '../rules/kinds.js';
import { isBureauOf } from '../write/access.js';

/** What the GraphQL Complaint type shows: the complainant only to the bureau (null for the agency's staff). */
export interface ComplaintView {
  id: string;
  kind: ComplaintEntity['kind'];
  agency: { id: string };
  officer: { id: string } | null;
  caseNumber: string | null;
  subject: string;
  content: string;
  anonymous: boolean;
  complainant: { name: string | null; phone: string | null; idNumber: string | null } | null;
  status: ComplaintStatus;
  submittedAt: Date;
  triagedAt: Date | null;
  triageNote: string | null;
  assignedAt: Date | null;
  dueOn: string | null;
  answeredAt: Date | null;
  answer: string | null;
  closedAt: Date | null;
  conclusion: string | null;
  upheld: boolean | null;
  reopenCount: number;
  reopenReason: string | null;
}

export function complaintView(identity: Identity, c: ComplaintEntity): ComplaintView {
  const bureau = isBureauOf(identity, c);
  return {
    id: c.id,
    kind: c.kind,
    agency: { id: c.agencyId },
    officer: c.officerId ? { id: c.officerId } : null,
    caseNumber: c.caseNumber,
    subject: c.subject,
    content: c.content,
    anonymous: c.anonymous,
    // 个人信息 The complainant's identity is the bureau's alone: an agency that knew it could retaliate.
    complainant:
      bureau && !c.anonymous
        ? { name: c.complainantName, phone: c.complainantPhone, idNumber: c.complainantIdNumber }
        : null,
    status: c.status,
    submittedAt: c.submittedAt,
    triagedAt: c.triagedAt,
    // Accepting notes are the bureau's working notes.
    triageNote: bureau ? c.triageNote : null,
    assignedAt: c.assignedAt,
    dueOn: c.dueOn,
    answeredAt: c.answeredAt,
    answer: c.answer,
    closedAt: c.closedAt,
    conclusion: c.conclusion,
    upheld: c.upheld,
    reopenCount: c.reopenCount,
    reopenReason: c.reopenReason,
  };
}

/** What the receipt code shows: state, dates, the answer and the conclusion once given; nobody's identity. */
export interface ComplaintProgressView {
  kind: ComplaintEntity['kind'];
  agency: { id: string };
  subject: string;
  status: ComplaintStatus;
  submittedAt: Date;
  triagedAt: Date | null;
  rejectionReason: string | null;
  assignedAt: Date | null;
  dueOn: string | null;
  answeredAt: Date | null;
  answer: string | null;
  closedAt: Date | null;
  conclusion: string | null;
  upheld: boolean | null;
}

const ANSWERED: readonly ComplaintStatus[] = [ComplaintStatus.ANSWERED, ComplaintStatus.CLOSED];

export function progressView(c: ComplaintEntity): ComplaintProgressView {
  const closed = c.status === ComplaintStatus.CLOSED;
  return {
    kind: c.kind,
    agency: { id: c.agencyId },
    subject: c.subject,
    status: c.status,
    submittedAt: c.submittedAt,
    triagedAt: c.triagedAt,
    // The reason of a rejection is owed to the complainant (信访工作条例 §22); an accepting note is internal.
    rejectionReason: c.status === ComplaintStatus.REJECTED ? c.triageNote : null,
    assignedAt: c.assignedAt,
    dueOn: c.dueOn,
    answeredAt: ANSWERED.includes(c.status) ? c.answeredAt : null,
    answer: ANSWERED.includes(c.status) ? c.answer : null,
    closedAt: closed ? c.closedAt : null,
    conclusion: closed ? c.conclusion : null,
    upheld: closed ? c.upheld : null,
  };
}
