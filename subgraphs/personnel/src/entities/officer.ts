import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { OfficerRole } from '../rules/kinds.js';

/** 行政执法人员 An officer of one agency. Phone and ID number are private to the agency. */
@Entity({ tableName: 'officer' })
@Index({ properties: ['agencyId'] })
export class OfficerEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  position!: string;

  @Property({ type: 'text[]' })
  roles!: OfficerRole[];

  @Property({ type: 'boolean' })
  legalProfessionQualified: boolean = false;

  @Property({ type: 'text', nullable: true })
  idNumber: string | null = null;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();
}
