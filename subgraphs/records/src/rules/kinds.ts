/**
 * 案件阶段 Stages of a case, in statutory order: 行政处罚法 §54–§61 (立案, 调查取证, 审查, 决定, 送达),
 * §66–§75 (执行), §47 (全过程记录归档保存).
 */
export enum CaseStage {
  FILING = 'FILING',
  INVESTIGATION = 'INVESTIGATION',
  EVIDENCE = 'EVIDENCE',
  EXAMINATION = 'EXAMINATION',
  DECISION = 'DECISION',
  SERVICE = 'SERVICE',
  EXECUTION = 'EXECUTION',
  ARCHIVED = 'ARCHIVED',
}

/** 执法活动 What an entry records. */
export enum RecordActivity {
  FILING = 'FILING',
  ACCEPTANCE = 'ACCEPTANCE',
  ON_SITE_INSPECTION = 'ON_SITE_INSPECTION',
  RANDOM_INSPECTION = 'RANDOM_INSPECTION',
  EVIDENCE_COLLECTION = 'EVIDENCE_COLLECTION',
  EVIDENCE_PRESERVATION = 'EVIDENCE_PRESERVATION',
  PRIOR_NOTICE = 'PRIOR_NOTICE',
  STATEMENT = 'STATEMENT',
  WAIVER = 'WAIVER',
  HEARING_REQUEST = 'HEARING_REQUEST',
  HEARING_NOTICE = 'HEARING_NOTICE',
  HEARING = 'HEARING',
  COERCIVE_MEASURE = 'COERCIVE_MEASURE',
  DOCUMENT = 'DOCUMENT',
  DECISION = 'DECISION',
  SERVICE = 'SERVICE',
  SERVICE_BY_POSTING = 'SERVICE_BY_POSTING',
  SERVICE_BY_RETENTION = 'SERVICE_BY_RETENTION',
  EXECUTION = 'EXECUTION',
  ARCHIVE = 'ARCHIVE',
  NOTE = 'NOTE',
}

/** 附件类型 Kind of attachment. */
export enum AttachmentKind {
  TEXT_DOCUMENT = 'TEXT_DOCUMENT',
  AUDIO = 'AUDIO',
  VIDEO = 'VIDEO',
  PHOTO = 'PHOTO',
  ELECTRONIC_DATA = 'ELECTRONIC_DATA',
}

/** What the rules need of an attachment (plain data). */
export interface AttachmentFacts {
  kind: AttachmentKind;
  fullProcess: boolean;
  documentType?: string | null;
}
