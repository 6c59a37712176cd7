import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** 约谈记录 The bureau's record of an interview with an agency's responsible persons. */
@Entity({ tableName: 'supervision_interview' })
export class SupervisionInterviewEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'timestamptz' })
  heldAt!: Date;

  /** Names and positions, as the record gives them. */
  @Property({ type: 'text' })
  interviewees!: string;

  @Property({ type: 'text' })
  reasons!: string;

  @Property({ type: 'text' })
  record!: string;

  @Property({ type: 'text' })
  followUp!: string;

  @Property({ type: 'text[]' })
  attachments: Opt<string[]> = [];

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'timestamptz' })
  recordedAt: Opt<Date> = new Date();
}
