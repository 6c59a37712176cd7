import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { DiscretionCircumstance, DiscretionTier, PenaltyKind } from '@tsp/shared';

/** 执法决定 The case's decision (one per case), written with its DECISION entry. */
@Entity({ tableName: 'case_decision' })
export class DecisionEntity {
  @PrimaryKey({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  entryId!: string;

  @Property({ type: 'text' })
  outcome!: string;

  @Property({ type: 'text[]' })
  penaltyKinds!: PenaltyKind[];

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineAmount: string | null = null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  confiscationAmount: string | null = null;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'text' })
  facts!: string;

  @Property({ type: 'text' })
  conclusion!: string;

  @Property({ type: 'date' })
  decidedOn!: string;

  /** 当事人是否在场 Party present when the decision was announced; null when not recorded. */
  @Property({ type: 'boolean', nullable: true })
  partyPresent: boolean | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewId: string | null = null;

  @Property({ type: 'boolean' })
  legacy: Opt<boolean> = false;

  /** The procedural rule (rules/procedure.ts ProcedureReason) a legacy import broke; null for live decisions. */
  @Property({ type: 'text', nullable: true })
  procedureProblem: string | null = null;

  /** 裁量基准 The benchmark applied (disclosure's id and the version checked against); null when none was named. */
  @Property({ type: 'uuid', nullable: true })
  benchmarkId: string | null = null;

  @Property({ type: 'integer', nullable: true })
  benchmarkVersion: number | null = null;

  @Property({ type: 'text', nullable: true })
  discretionTier: DiscretionTier | null = null;

  @Property({ type: 'text[]' })
  discretionCircumstances: Opt<DiscretionCircumstance[]> = [];

  /** 偏离裁量基准 How the decision leaves the benchmark (codes of shared's discretionCheck); each is a finding. */
  @Property({ type: 'text[]' })
  discretionDepartures: Opt<string[]> = [];

  @Property({ type: 'text', nullable: true })
  departureReason: string | null = null;
}
