import { randomUUID } from 'node:crypto';

import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** 培训记录 Hours of training an officer attended on a day. */
@Entity({ tableName: 'training_record' })
@Index({ properties: ['officerId', 'day'] })
export class TrainingRecordEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  officerId!: string;

  @Property({ type: 'date' })
  day!: string;

  @Property({ type: 'decimal', precision: 5, scale: 1 })
  hours!: string;

  @Property({ type: 'text' })
  topic!: string;

  @Property({ type: 'text' })
  recordedBy!: string;
}
