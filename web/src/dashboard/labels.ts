/** Chinese names of the API's enums, as the schema describes them. */
export const FINDING_KIND: Record<string, string> = {
  REVIEWER_STAFFING_BELOW_MINIMUM: '法制审核人员不足',
  CREDENTIAL_EXPIRING: '执法证件即将到期',
  NO_TRAINING_LAST_YEAR: '上年度无培训',
  ACTION_WITHOUT_VALID_CREDENTIAL: '无有效证件执法',
  CASE_OVERDUE: '案件超期未决',
  SERVICE_OVERDUE: '送达超期',
  LICENSING_ACCEPTANCE_OVERDUE: '受理超期',
  LICENSING_DECISION_OVERDUE: '许可决定超期',
  AUDIO_VISUAL_MISSING: '音像记录缺失',
  JOURNAL_NOT_INTACT: '记录日志校验失败',
  MAJOR_DECISION_WITHOUT_REVIEW: '重大决定未经法制审核',
  REVIEW_OVERDUE: '法制审核超期',
  PUBLICATION_OVERDUE: '逾期未公示',
  WITHDRAWAL_OVERDUE: '逾期未撤回',
  WITHDRAWN_STILL_VISIBLE: '撤回后仍公开',
  ANNUAL_REPORT_MISSING: '年度数据未公开',
  INSPECTION_WITHOUT_APPROVAL: '未经批准检查',
  INSPECTION_OUTSIDE_ITEMS: '清单外检查',
  INSPECTION_OVER_CAP: '超频次检查',
  INSPECTIONS_NOT_JOINED: '多头检查',
  INSPECTION_POORLY_RATED: '企业差评',
  INSPECTION_OUTCOME_OVERDUE: '检查结果逾期',
  DECISION_WITHOUT_NOTICE: '未告知即处罚',
  HEARING_DENIED: '听证权利未保障',
  DISCRETION_DEPARTURE: '偏离裁量基准',
  DECISION_OVERTURNED: '决定被纠错',
  COMPLAINT_OVERDUE: '投诉举报办理逾期',
  COMPLAINT_REOPENED: '投诉举报重新办理',
  CASE_FILE_FAILED: '案卷评查不合格',
  SUPERVISION_RESPONSE_OVERDUE: '监督文书逾期未回复',
};

/** Finding kinds whose subjectId is a case id (records, review and case-file evaluation findings). */
export const CASE_SUBJECT_KINDS = new Set([
  'CASE_OVERDUE',
  'SERVICE_OVERDUE',
  'LICENSING_ACCEPTANCE_OVERDUE',
  'LICENSING_DECISION_OVERDUE',
  'JOURNAL_NOT_INTACT',
  'DECISION_WITHOUT_NOTICE',
  'HEARING_DENIED',
  'DISCRETION_DEPARTURE',
  'DECISION_OVERTURNED',
  'MAJOR_DECISION_WITHOUT_REVIEW',
  'CASE_FILE_FAILED',
]);

export const CASE_STAGE: Record<string, string> = {
  FILING: '立案',
  INVESTIGATION: '调查',
  EVIDENCE: '取证',
  EXAMINATION: '审查',
  DECISION: '决定',
  SERVICE: '送达',
  EXECUTION: '执行',
  ARCHIVED: '归档',
};

export const CATEGORY: Record<string, string> = {
  PENALTY: '行政处罚',
  LICENSING: '行政许可',
  INSPECTION: '行政检查',
  COERCION: '行政强制',
  EXPROPRIATION: '行政征收征用',
  OTHER: '其他',
};

export const NOTICE_STATE: Record<string, string> = {
  OPEN: '待回复',
  OVERDUE: '逾期未回复',
  ANSWERED: '已回复',
  ANSWERED_LATE: '逾期后回复',
};

export const INSTRUMENT_KIND: Record<string, string> = { OPINION: '监督意见书', DECISION: '监督决定书' };
export const INSTRUMENT_STATUS: Record<string, string> = { ISSUED: '待回复', RESPONDED: '已回复', CLOSED: '已办结' };

/** The monthly trend's lines: counts only (amounts in yuan would dwarf them on one axis). */
export const TREND_METRICS: Record<string, string> = {
  CASES_FILED: '立案数',
  DECISIONS: '作出决定数',
  INSPECTIONS: '行政检查数',
  COMPLAINTS_RECEIVED: '投诉举报受理数',
};

export const label = (names: Record<string, string>, value: string | null | undefined): string =>
  value == null ? '—' : (names[value] ?? value);

export const ACTIVITY: Record<string, string> = {
  ACCEPTANCE: '受理',
  ARCHIVE: '归档',
  COERCIVE_MEASURE: '行政强制措施',
  DECISION: '作出决定',
  DOCUMENT: '执法文书',
  EVIDENCE_COLLECTION: '调查取证',
  EVIDENCE_PRESERVATION: '证据保全',
  EXECUTION: '执行',
  FILING: '立案',
  HEARING: '听证',
  HEARING_NOTICE: '听证通知',
  HEARING_REQUEST: '听证申请',
  NOTE: '备注',
  ON_SITE_INSPECTION: '现场检查',
  PRIOR_NOTICE: '行政处罚事先告知',
  RANDOM_INSPECTION: '随机抽查',
  SERVICE: '送达',
  SERVICE_BY_POSTING: '公告送达',
  SERVICE_BY_RETENTION: '留置送达',
  STATEMENT: '陈述申辩',
  WAIVER: '放弃陈述申辩和听证',
};

/** An ISO date-time as the day in China (the platform's dates are Asia/Shanghai). */
export const day = (iso: string | null | undefined): string =>
  iso ? new Date(iso).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }) : '—';
