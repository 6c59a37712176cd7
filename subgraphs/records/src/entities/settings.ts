import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import type { EnforcementCategory } from '@tsp/shared';

import type { RecordActivity } from '../rules/kinds.js';

/** 音像记录事项清单 An agency's own audio-visual list (absent = the defaults). */
@Entity({ tableName: 'audio_visual_list' })
export class AudioVisualListEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text[]' })
  activities!: RecordActivity[];

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}

/** 案卷标准 An agency's required case-file documents for one category (absent = the defaults). */
@Entity({ tableName: 'case_file_requirement' })
export class CaseFileRequirementEntity {
  @PrimaryKey({ type: 'uuid' })
  agencyId!: string;

  @PrimaryKey({ type: 'text' })
  category!: EnforcementCategory;

  @Property({ type: 'text[]' })
  documents!: string[];

  @Property({ type: 'text' })
  updatedBy!: string;

  @Property({ type: 'timestamptz' })
  updatedAt: Opt<Date> = new Date();
}
