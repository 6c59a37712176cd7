import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** 企业 An enterprise or individual business inspections are made at, one row per credit code. */
@Entity({ tableName: 'enterprise' })
export class EnterpriseEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** 统一社会信用代码, normalised and checked (GB 32100-2015); unique in the table. */
  @Property({ type: 'text', unique: true })
  creditCode!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  region!: string;

  /** Who registered it: the token subject, and its agency (null for the administrator). */
  @Property({ type: 'text' })
  registeredBy!: string;

  @Property({ type: 'uuid', nullable: true })
  registeredByAgencyId: string | null = null;

  @Property({ type: 'timestamptz' })
  registeredAt: Opt<Date> = new Date();
}
