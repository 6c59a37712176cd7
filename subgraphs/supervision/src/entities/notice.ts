import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { NoticeKind } from '../rules/instrument-kinds.js';

/** 通报 A public notice of the bureau naming agencies; withdrawn ones stay, with the reason. */
@Entity({ tableName: 'supervision_notice' })
export class SupervisionNoticeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  kind!: NoticeKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'uuid[]' })
  agencyIds!: string[];

  @Property({ type: 'text' })
  publishedBy!: string;

  @Property({ type: 'timestamptz' })
  publishedAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawnBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason: string | null = null;
}
