import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { PenaltyKind } from '@tsp/shared';

/** 行政处罚事先告知 A prior notice served on the party (行政处罚法 §44), written with its PRIOR_NOTICE entry. */
@Entity({ tableName: 'prior_notice' })
export class PriorNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  entryId!: string;

  @Property({ type: 'text[]' })
  penaltyKinds!: PenaltyKind[];

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineAmount: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  confiscationAmount: string | null = null;

  @Property({ type: 'text' })
  facts!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'boolean' })
  hearingOffered!: boolean;

  /** The agency's statement period when the notice was served: a later change does not move this deadline. */
  @Property({ type: 'integer' })
  statementWorkingDays!: number;

  @Property({ type: 'timestamptz' })
  servedAt!: Date;
}

/** 听证 A hearing held (行政处罚法 §64), written with its HEARING entry. */
@Entity({ tableName: 'case_hearing' })
export class HearingEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  entryId!: string;

  @Property({ type: 'uuid' })
  chairOfficerId!: string;

  @Property({ type: 'timestamptz' })
  heldAt!: Date;

  /** 听证笔录 The entry carries the hearing's written record. */
  @Property({ type: 'boolean' })
  recorded!: boolean;
}

/** 程序设置 An agency's statement-and-defence period in working days (absent = the default). */
@Entity({ tableName: 'procedure_settings' })
export class ProcedureSettingsEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'integer' })
  statementWorkingDays!: number;

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
