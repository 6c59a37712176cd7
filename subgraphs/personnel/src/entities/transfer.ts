import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

/** 人员调动 One move of an officer between agencies; append-only, the assignment history is derived from it. */
@Entity({ tableName: 'officer_transfer' })
@Index({ properties: ['officerId', 'effectiveOn'] })
export class OfficerTransferEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  officerId!: string;

  @Property({ type: 'uuid' })
  fromAgencyId!: string;

  @Property({ type: 'uuid' })
  toAgencyId!: string;

  @Property({ type: 'date' })
  effectiveOn!: string;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();
}
