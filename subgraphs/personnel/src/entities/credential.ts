import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory } from '@tsp/shared';

import type { CredentialStatus, StoredCredentialStatus } from '../rules/kinds.js';

/** 行政执法证件 An enforcement credential. EXPIRED is never stored: it follows from the date. */
@Entity({ tableName: 'credential' })
@Index({ properties: ['officerId'] })
export class CredentialEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text', unique: true })
  number!: string;

  @Property({ type: 'uuid' })
  officerId!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text[]' })
  categories!: EnforcementCategory[];

  @Property({ type: 'text[]' })
  fields: string[] = [];

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'date' })
  issuedOn!: string;

  @Property({ type: 'date' })
  expiresOn!: string;

  @Property({ type: 'text' })
  status!: StoredCredentialStatus;

  @Property({ type: 'text' })
  issuingAuthority!: string;
}

/** 证件状态变更 Every status change, with reason and actor (dynamic management 动态管理). */
@Entity({ tableName: 'credential_status_change' })
@Index({ properties: ['credentialId'] })
export class CredentialStatusChangeEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  credentialId!: string;

  @Property({ type: 'text', nullable: true })
  fromStatus!: CredentialStatus | null;

  @Property({ type: 'text' })
  toStatus!: CredentialStatus;

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();
}
