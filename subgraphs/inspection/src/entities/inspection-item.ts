import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';

import type { ItemAction } from '../rules/items.js';

/** 检查事项 An item of an agency's inspection list (current version). */
@Entity({ tableName: 'inspection_item' })
export class InspectionItemEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'text' })
  enforcementItem!: string;

  @Property({ type: 'text', nullable: true })
  content: string | null = null;

  @Property({ type: 'int' })
  version!: number;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}

/** 历史版本 Every version of an item, kept: what was on the list when an inspection was made must stay knowable. */
@Entity({ tableName: 'inspection_item_revision' })
export class InspectionItemRevisionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'int' })
  version!: number;

  @Property({ type: 'text' })
  action!: ItemAction;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'text' })
  enforcementItem!: string;

  @Property({ type: 'text', nullable: true })
  content: string | null = null;

  @Property({ type: 'text' })
  note: Opt<string> = '';

  @Property({ type: 'text' })
  changedBy!: string;

  @Property({ type: 'timestamptz' })
  changedAt: Opt<Date> = new Date();
}
