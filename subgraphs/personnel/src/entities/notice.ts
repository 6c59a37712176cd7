import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { FindingKind } from '@tsp/shared';

/** 整改通知 A supervisor's notice of rectification against a finding, and the agency's response. */
@Entity({ tableName: 'rectification_notice' })
@Index({ properties: ['agencyId', 'issuedAt'] })
export class RectificationNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  findingKind!: FindingKind;

  @Property({ type: 'text' })
  subjectId!: string;

  @Property({ type: 'text' })
  notice!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text' })
  issuedBy!: string;

  @Property({ type: 'timestamptz' })
  issuedAt: Opt<Date> = new Date();

  @Property({ type: 'text', nullable: true })
  response: string | null = null;

  @Property({ type: 'text', nullable: true })
  respondedBy: string | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  respondedAt: Date | null = null;
}
