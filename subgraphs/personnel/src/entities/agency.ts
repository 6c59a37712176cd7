import { randomUUID } from 'node:crypto';

import { Entity, Enum, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import { AgencyKind } from '../rules/kinds.js';

/** 执法主体 An enforcement agency. */
@Entity({ tableName: 'agency' })
export class AgencyEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Enum({ items: () => AgencyKind, type: 'text' })
  kind!: AgencyKind;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'boolean' })
  isSupervisor: boolean = false;

  @Property({ type: 'text' })
  legalOfficeName!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
