import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory } from '@tsp/shared';

import type { EvaluationGrade, EvaluationStatus } from '../rules/evaluation-kinds.js';
import type { ItemScore } from '../rules/evaluation-score.js';
import type { TemplateItem } from '../rules/evaluation-template.js';

/**
 * 案卷评查标准 A scoring template. Never changed once saved: a plan is scored against the template it named, so a
 * new standard is a new template.
 */
@Entity({ tableName: 'evaluation_template' })
export class EvaluationTemplateEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The region whose bureau saved it; null for ADMIN's templates, usable in every region. */
  @Property({ type: 'text', nullable: true })
  region: string | null = null;

  @Property({ type: 'text' })
  name!: string;

  /** null: for cases of every category. */
  @Property({ type: 'text', nullable: true })
  category: EnforcementCategory | null = null;

  @Property({ type: 'jsonb' })
  items!: TemplateItem[];

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

/** 评查方案 One year's evaluation in a region: the seed and the candidates the sample was drawn from. */
@Entity({ tableName: 'evaluation_plan' })
export class EvaluationPlanEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'int' })
  year!: number;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'uuid' })
  templateId!: string;

  @Property({ type: 'int' })
  casesPerAgency!: number;

  /** The agencies named; null: every agency of the region with archived cases. */
  @Property({ type: 'uuid[]', nullable: true })
  agencyIds: string[] | null = null;

  /** 128 random bits, hex: with `candidates`, the sample is reproducible (rules/sampling.ts). */
  @Property({ type: 'text' })
  seed!: string;

  /** The candidate case ids per agency, each list sorted, as records answered at planning. */
  @Property({ type: 'jsonb' })
  candidates!: Record<string, string[]>;

  @Property({ type: 'text' })
  createdBy!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}

/** 案卷评查 One sampled case file: its evaluator (of another agency) and, once scored, the items and grade. */
@Entity({ tableName: 'case_file_evaluation' })
export class CaseFileEvaluationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  planId!: string;

  /** Draw order within the agency (0 first). */
  @Property({ type: 'int' })
  position!: number;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  caseNumber!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'date' })
  archivedOn!: string;

  @Property({ type: 'text' })
  status!: EvaluationStatus;

  @Property({ type: 'uuid', nullable: true })
  evaluatorId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  evaluatorAgencyId: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  assignedAt: Date | null = null;

  @Property({ type: 'jsonb', nullable: true })
  items: ItemScore[] | null = null;

  @Property({ type: 'numeric', precision: 4, scale: 1, nullable: true })
  total: string | null = null;

  @Property({ type: 'boolean', nullable: true })
  vetoFailed: boolean | null = null;

  @Property({ type: 'text', nullable: true })
  grade: EvaluationGrade | null = null;

  @Property({ type: 'text', nullable: true })
  comment: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  scoredAt: Date | null = null;
}
