import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import type { EnforcementCategory, PartyType } from '@tsp/shared';

import type { CaseStage } from '../rules/kinds.js';

/**
 * 执法案件 An enforcement case. `region` is the agency's, copied at filing so that reads are
 * scoped without asking personnel. Party ID number and contact are private (rules/party.ts).
 */
@Entity({ tableName: 'enforcement_case' })
@Unique({ properties: ['agencyId', 'caseNumber'] })
@Index({ properties: ['agencyId', 'filedAt'] })
export class CaseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  caseNumber!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text' })
  cause!: string;

  @Property({ type: 'text' })
  partyType!: PartyType;

  @Property({ type: 'text' })
  partyName!: string;

  @Property({ type: 'boolean' })
  partyIsMinor: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  partyIdNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  partyPhone: string | null = null;

  @Property({ type: 'text', nullable: true })
  partyAddress: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  amountInvolved: string | null = null;

  @Property({ type: 'uuid[]' })
  handlerIds!: string[];

  @Property({ type: 'text' })
  stage!: CaseStage;

  @Property({ type: 'timestamptz' })
  filedAt!: Date;

  @Property({ type: 'date', nullable: true })
  decisionDueOn: string | null = null;

  /** 受理期限 Licensing only: filing + 5 working days (rules/licensing.ts, 行政许可法 §32); null for other categories. */
  @Property({ type: 'date', nullable: true })
  acceptanceDueOn: string | null = null;

  /** 受理日期 Licensing only: the day of the first ACCEPTANCE entry; null until one is recorded. */
  @Property({ type: 'date', nullable: true })
  acceptedOn: string | null = null;

  @Property({ type: 'boolean' })
  hearingHeld: Opt<boolean> = false;

  @Property({ type: 'boolean' })
  decided: Opt<boolean> = false;

  /** 送达期限 Set with the decision (rules/service.ts), on the working-day calendar of that day. */
  @Property({ type: 'date', nullable: true })
  serviceDueOn: string | null = null;

  /** 送达 When the decision was first served (earliest service entry after the DECISION entry); null until then. */
  @Property({ type: 'timestamptz', nullable: true })
  servedAt: Date | null = null;

  /** Entries recorded so far; the next entry's sequence is this + 1 (written under the row lock). */
  @Property({ type: 'integer' })
  entryCount: Opt<number> = 0;

  /** 历史导入 Imported by an ADMIN from a legacy system, bypassing the write-time rules. */
  @Property({ type: 'boolean' })
  legacy: Opt<boolean> = false;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

/** 办案期限延长 A recorded extension of the decision deadline (行政处罚法 §60, approved by the agency head). */
@Entity({ tableName: 'deadline_extension' })
@Index({ properties: ['caseId'] })
export class DeadlineExtensionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'date' })
  fromDueOn!: string;

  @Property({ type: 'date' })
  toDueOn!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  approvedBy!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();
}
