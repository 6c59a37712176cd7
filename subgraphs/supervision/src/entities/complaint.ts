import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { ComplaintAction, ComplaintKind, ComplaintStatus } from '../rules/kinds.js';

/**
 * 投诉举报 One complaint or report about an agency's enforcement, as the justice bureau keeps it. The complainant's
 * identity is read by the bureau only; the receipt code is kept as its hash.
 */
@Entity({ tableName: 'complaint' })
export class ComplaintEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Hex SHA-256 of the receipt code. */
  @Property({ type: 'text', unique: true })
  receiptHash!: string;

  @Property({ type: 'text' })
  kind!: ComplaintKind;

  /** The agency complained about, and its region (copied from personnel when submitted). */
  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'uuid', nullable: true })
  officerId: string | null = null;

  @Property({ type: 'text', nullable: true })
  caseNumber: string | null = null;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  content!: string;

  @Property({ type: 'boolean' })
  anonymous: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  complainantName: string | null = null;

  @Property({ type: 'text', nullable: true })
  complainantPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  complainantIdNumber: string | null = null;

  @Property({ type: 'text' })
  status!: ComplaintStatus;

  @Property({ type: 'timestamptz' })
  submittedAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  triagedAt: Date | null = null;

  /** The day of acceptance (Asia/Shanghai): 信访工作条例 §32's 60 days run from it. */
  @Property({ type: 'date', nullable: true })
  acceptedOn: string | null = null;

  /** The bureau's note at triage: internal when accepted, the reason told to the complainant when rejected. */
  @Property({ type: 'text', nullable: true })
  triageNote: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  answer: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  conclusion: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  upheld: boolean | null = null;

  @Property({ type: 'int' })
  reopenCount: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  firstReopenedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  reopenReason: string | null = null;
}

/** 办理记录 Every step taken on a complaint, with who took it (the row above holds only the current state). */
@Entity({ tableName: 'complaint_step' })
export class ComplaintStepEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  complaintId!: string;

  @Property({ type: 'text' })
  action!: ComplaintAction;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();

  /** The note, reason, answer or conclusion given with the step. */
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;
}
