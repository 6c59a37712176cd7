import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { InstrumentAction, InstrumentKind, InstrumentStatus } from '../rules/instrument-kinds.js';

/** A finding the instrument follows up: its kind and subject, as the findings name them. */
export interface FindingRef {
  kind: string;
  subjectId: string;
}

/** 监督意见书 / 监督决定书 One written supervision instrument to an agency, with its current state. */
@Entity({ tableName: 'supervision_instrument' })
export class SupervisionInstrumentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  kind!: InstrumentKind;

  /** The agency it is addressed to, and its region (copied from personnel when issued). */
  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  findings!: string;

  @Property({ type: 'text' })
  requirements!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'uuid[]' })
  caseIds: Opt<string[]> = [];

  @Property({ type: 'jsonb' })
  findingRefs: Opt<FindingRef[]> = [];

  @Property({ type: 'int' })
  responseWorkingDays!: number;

  @Property({ type: 'text' })
  status!: InstrumentStatus;

  @Property({ type: 'text' })
  issuedBy!: string;

  @Property({ type: 'timestamptz' })
  issuedAt: Opt<Date> = new Date();

  /** The response is due by this day (reset when the bureau sends the response back). */
  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text', nullable: true })
  response: string | null = null;

  @Property({ type: 'text', nullable: true })
  measures: string | null = null;

  @Property({ type: 'text', nullable: true })
  respondedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;

  @Property({ type: 'int' })
  returnCount: Opt<number> = 0;

  @Property({ type: 'text', nullable: true })
  returnNote: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  closedBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  closeNote: string | null = null;
}

/** Every step on an instrument, with who took it: earlier responses stay here when one is sent back. */
@Entity({ tableName: 'supervision_instrument_step' })
export class SupervisionInstrumentStepEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  instrumentId!: string;

  @Property({ type: 'text' })
  action!: InstrumentAction;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();

  /** The response or the bureau's note. */
  @Property({ type: 'text', nullable: true })
  text: string | null = null;

  @Property({ type: 'text', nullable: true })
  measures: string | null = null;

  @Property({ type: 'date', nullable: true })
  dueOn: string | null = null;
}
