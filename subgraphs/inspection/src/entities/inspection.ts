import { randomUUID } from 'node:crypto';

import { ArrayType, Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { InspectionKind, InspectionOutcome, InspectionStatus } from '../rules/kinds.js';

/** An officer of the team as the credential check saw them at approval (public: shown on the code page). */
export interface TeamMember {
  officerId: string;
  name: string;
  agencyId: string;
  credentialNumber: string | null;
}

/** 行政检查 One inspection: planned, approved by the agency head, started, finished with an outcome. */
@Entity({ tableName: 'inspection' })
export class InspectionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The lead agency (牵头机关); joint partners in partnerAgencyIds. */
  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  kind!: InspectionKind;

  /** 情况紧急 Started on the spot before approval; the head approves it afterwards. */
  @Property({ type: 'boolean' })
  urgent: Opt<boolean> = false;

  /** Why: the complaint, referral or plan it comes from. */
  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  partnerAgencyIds: string[] = [];

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  officerIds!: string[];

  /** The team's public credential data, captured at each check (planned, approved, started). */
  @Property({ type: 'json' })
  team: TeamMember[] = [];

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date' })
  validUntil!: string;

  @Property({ type: 'text' })
  status!: InspectionStatus;

  @Property({ type: 'text' })
  plannedBy!: string;

  @Property({ type: 'timestamptz' })
  plannedAt: Opt<Date> = new Date();

  @Property({ type: 'text', nullable: true })
  approvedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'date', nullable: true })
  startedOn: string | null = null;

  /** The records case (category INSPECTION) whose journal holds the visit's full-process records. */
  @Property({ type: 'uuid', nullable: true })
  recordsCaseId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  outcome: InspectionOutcome | null = null;

  @Property({ type: 'text', nullable: true })
  outcomeNote: string | null = null;

  /** The case opened from the visit (outcome CASE_OPENED). */
  @Property({ type: 'uuid', nullable: true })
  outcomeCaseId: string | null = null;

  @Property({ type: 'text', nullable: true })
  cancelReason: string | null = null;

  /** The lead agency, then the joint partners (not a column). */
  get agencyIds(): Opt<string[]> {
    return [this.agencyId, ...this.partnerAgencyIds];
  }
}

/** 被检查企业 An enterprise an inspection visits, with its own code and its one rating. */
@Entity({ tableName: 'inspection_target' })
export class InspectionTargetEntity {
  @PrimaryKey({ type: 'uuid' })
  inspectionId!: string;

  @PrimaryKey({ type: 'uuid' })
  enterpriseId!: string;

  /** 检查码 Unguessable (128 random bits); what the enterprise scans. */
  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'int', nullable: true })
  score: number | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  ratedAt: Date | null = null;
}

/** 检查事项 An item an inspection covers, with the version on the list when it was planned. */
@Entity({ tableName: 'inspection_scope' })
export class InspectionScopeEntity {
  @PrimaryKey({ type: 'uuid' })
  inspectionId!: string;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'int' })
  itemVersion!: number;
}
