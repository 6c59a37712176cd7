import { registerEnumType } from 'type-graphql';

import { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';

// The rules' enums as GraphQL types; rules/ stays free of type-graphql. Imported by types.ts and
// inputs.ts, so the registrations run before any schema that uses them is built.

registerEnumType(CaseStage, {
  name: 'CaseStage',
  description: '案件阶段 Case stage',
  valuesConfig: {
    FILING: { description: '立案 filing' },
    INVESTIGATION: { description: '调查 investigation' },
    EVIDENCE: { description: '取证 evidence' },
    EXAMINATION: { description: '审查 examination' },
    DECISION: { description: '决定 decision' },
    SERVICE: { description: '送达 service' },
    EXECUTION: { description: '执行 execution' },
    ARCHIVED: { description: '归档 archived' },
  },
});

registerEnumType(RecordActivity, {
  name: 'RecordActivity',
  description: '执法活动 Recorded activity',
  valuesConfig: {
    FILING: { description: '立案 filing' },
    ACCEPTANCE: {
      description:
        '受理 a licensing application accepted, refused (不予受理) or returned for missing materials (一次性告知补正); the summary says which (行政许可法第三十二条)',
    },
    ON_SITE_INSPECTION: { description: '现场检查 on-site inspection' },
    RANDOM_INSPECTION: { description: '随机抽查 random inspection' },
    EVIDENCE_COLLECTION: { description: '调查取证 evidence collection' },
    EVIDENCE_PRESERVATION: { description: '证据保全 evidence preservation' },
    PRIOR_NOTICE: {
      description:
        '行政处罚事先告知 prior notice of the intended penalty and the rights (servePriorNotice; 行政处罚法 §44)',
    },
    STATEMENT: { description: '陈述申辩 the party states its case and defends (行政处罚法 §45)' },
    WAIVER: { description: '放弃陈述申辩和听证 the party expressly waives its statement, defence and hearing (§62)' },
    HEARING_REQUEST: { description: '听证申请 the party asks for a hearing (within 5 working days, §64(一))' },
    HEARING_NOTICE: { description: '听证通知 the party is told when and where (7 working days before, §64(二))' },
    HEARING: { description: '听证 hearing, with its record (recordHearing; §64)' },
    COERCIVE_MEASURE: { description: '行政强制措施 coercive measure' },
    DOCUMENT: { description: '执法文书 document' },
    DECISION: { description: '作出决定 decision (recordDecision only)' },
    SERVICE: { description: '送达 service' },
    SERVICE_BY_POSTING: { description: '公告送达 service by posting' },
    SERVICE_BY_RETENTION: { description: '留置送达 service by retention' },
    EXECUTION: { description: '执行 execution' },
    ARCHIVE: { description: '归档 archiving (archiveCase only)' },
    NOTE: { description: '备注 note' },
  },
});

registerEnumType(AttachmentKind, {
  name: 'AttachmentKind',
  description: '附件类型 Attachment kind',
  valuesConfig: {
    TEXT_DOCUMENT: { description: '文字记录（执法文书） text document' },
    AUDIO: { description: '录音 audio' },
    VIDEO: { description: '录像 video' },
    PHOTO: { description: '照片 photo' },
    ELECTRONIC_DATA: { description: '电子数据 electronic data' },
  },
});
