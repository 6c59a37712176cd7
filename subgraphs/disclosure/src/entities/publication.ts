import { randomUUID } from 'node:crypto';

import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory, PartyType, PenaltyKind } from '@tsp/shared';

import type { PublicationKind, PublicationStatus, RevisionAction, WithdrawalTrigger } from '../rules/kinds.js';
import type { PublicText } from '../rules/publication.js';

/** 执法决定公示 A publication; its text columns are the masked public copy. */
@Entity({ tableName: 'publication' })
export class PublicationEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  kind!: PublicationKind;

  @Property({ type: 'uuid', nullable: true })
  sourceEventId?: string | null;

  @Property({ type: 'uuid', nullable: true })
  caseId?: string | null;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;

  @Property({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text' })
  partyType!: PartyType;

  /** The natural person's real name, only to mask it in later corrections; never served. */
  @Property({ type: 'text', nullable: true, lazy: true })
  partyNamePrivate?: string | null;

  @Property({ type: 'text' })
  caseNumber!: string;

  @Property({ type: 'text' })
  partyName!: string;

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'text' })
  conclusion!: string;

  @Property({ type: 'text' })
  legalBasis!: string;

  @Property({ type: 'text' })
  outcome: Opt<string> = '';

  @Property({ type: 'text[]' })
  penaltyKinds: Opt<PenaltyKind[]> = [];

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  fineAmount?: string | null;

  @Property({ type: 'decimal', precision: 15, scale: 2, nullable: true })
  confiscationAmount?: string | null;

  @Property({ type: 'date' })
  decidedOn!: string;

  @Property({ type: 'date' })
  dueOn!: string;

  @Property({ type: 'text' })
  status!: PublicationStatus.DRAFT | PublicationStatus.PUBLISHED | PublicationStatus.WITHDRAWN;

  @Property({ type: 'boolean' })
  publishable!: boolean;

  @Property({ type: 'text', nullable: true })
  notPublishableReason?: string | null;

  @Property({ type: 'text', nullable: true })
  checkNote?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  publishedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  publishedBy?: string | null;

  @Property({ type: 'date', nullable: true })
  expiresOn?: string | null;

  @Property({ type: 'text', nullable: true })
  withdrawalTrigger?: WithdrawalTrigger | null;

  @Property({ type: 'date', nullable: true })
  withdrawalEventOn?: string | null;

  @Property({ type: 'date', nullable: true })
  withdrawalDueOn?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  withdrawalReason?: string | null;

  @Property({ type: 'int' })
  version: Opt<number> = 1;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}

/** 修订记录 One step of a publication's history, with the public text as it stood after it. */
@Entity({ tableName: 'publication_revision' })
export class PublicationRevisionEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  publicationId!: string;

  @Property({ type: 'int' })
  version!: number;

  @Property({ type: 'text' })
  action!: RevisionAction;

  @Property({ type: 'text' })
  reason: Opt<string> = '';

  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'timestamptz' })
  at: Opt<Date> = new Date();

  @Property({ type: 'json' })
  snapshot!: PublicText;

  /** Whether the public may see this revision (made while or after the item was public). */
  @Property({ type: 'boolean' })
  public!: boolean;
}
