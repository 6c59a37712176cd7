import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { ListingKind } from '../rules/kinds.js';
import type { ListingData } from '../rules/listings.js';

/** 事前公开条目 An entry of an ex-ante list (current version); `data` holds the kind's fields. */
@Entity({ tableName: 'listing' })
@Unique({ properties: ['agencyId', 'kind', 'key'] })
export class ListingEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  kind!: ListingKind;

  /** Identity within the agency and kind: the entry id, the category (process) or 'body'. */
  @Property({ type: 'text' })
  key!: string;

  @Property({ type: 'int' })
  version!: number;

  @Property({ type: 'json' })
  data!: ListingData;

  @Property({ type: 'boolean' })
  active: Opt<boolean> = true;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();

  @Property({ type: 'text' })
  updatedBy!: string;
}

/** 历史版本 Every version of an entry, kept (动态调整, nothing silently overwritten). */
@Entity({ tableName: 'listing_revision' })
export class ListingRevisionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  listingId!: string;

  @Property({ type: 'int' })
  version!: number;

  @Property({ type: 'json' })
  data!: ListingData;

  @Property({ type: 'boolean' })
  active!: boolean;

  @Property({ type: 'timestamptz' })
  changedAt: Opt<Date> = new Date();

  @Property({ type: 'text' })
  changedBy!: string;

  @Property({ type: 'text' })
  note: Opt<string> = '';
}
