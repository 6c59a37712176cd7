import { randomUUID } from 'node:crypto';

import { Entity, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';

import type { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';

/** 执法记录 One append-only entry of a case's full-process record; a trigger refuses UPDATE and DELETE. */
@Entity({ tableName: 'record_entry' })
@Unique({ properties: ['caseId', 'sequence'] })
@Index({ properties: ['agencyId'] })
export class RecordEntryEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Property({ type: 'text' })
  stage!: CaseStage;

  @Property({ type: 'text' })
  activity!: RecordActivity;

  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'timestamptz' })
  recordedAt!: Date;

  @Property({ type: 'uuid[]' })
  officerIds!: string[];

  @Property({ type: 'text' })
  summary!: string;

  @Property({ type: 'boolean' })
  affectsLibertyOrProperty: Opt<boolean> = false;

  @Property({ type: 'uuid', nullable: true })
  correctsId: string | null = null;

  @Property({ type: 'text' })
  hash!: string;

  @Property({ type: 'text' })
  recordedBy!: string;

  @Property({ type: 'boolean' })
  legacy: Opt<boolean> = false;

  /** Credential problems personnel reported when a legacy entry was imported (never set on live writes, which refuse them). */
  @Property({ type: 'text', nullable: true })
  credentialProblem: string | null = null;
}

/** 附件 Attachment metadata; the content is stored by hash (sha256). */
@Entity({ tableName: 'attachment' })
@Index({ properties: ['entryId'] })
@Index({ properties: ['caseId'] })
export class AttachmentEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  entryId!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  kind!: AttachmentKind;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'bigint' })
  size!: string;

  @Property({ type: 'text' })
  mediaType!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'boolean' })
  fullProcess: Opt<boolean> = false;

  @Property({ type: 'text', nullable: true })
  documentType: string | null = null;
}
