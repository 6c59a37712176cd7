/** Chinese names of the API's enum values, as the public reads them (the schema's own descriptions). */
export const CATEGORY: Record<string, string> = {
  LICENSING: '行政许可',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  EXPROPRIATION: '行政征收征用',
  INSPECTION: '行政检查',
  OTHER: '其他',
};

export const AGENCY_KIND: Record<string, string> = {
  COMPREHENSIVE: '综合执法局',
  CULTURE_TOURISM: '文化和旅游局',
  HEALTH: '卫生健康',
  JUSTICE: '司法局',
  MARKET_REGULATION: '市场监督管理局',
  NATURAL_RESOURCES: '自然资源',
  OTHER: '其他',
  PLANNING: '城乡规划局',
  TOWNSHIP: '乡镇人民政府',
};

export const PUBLICATION_KIND: Record<string, string> = {
  DECISION: '执法决定',
  INSPECTION_RESULT: '双随机抽查结果',
};

export const PUBLICATION_STATUS: Record<string, string> = {
  DRAFT: '待发布',
  PUBLISHED: '公示中',
  EXPIRED: '公示期满',
  WITHDRAWN: '已撤回',
};

export const PENALTY_KIND: Record<string, string> = {
  WARNING: '警告、通报批评',
  FINE: '罚款',
  CONFISCATION: '没收违法所得、没收非法财物',
  LICENCE_SUSPENSION: '暂扣许可证件',
  QUALIFICATION_DOWNGRADE: '降低资质等级',
  LICENCE_REVOCATION: '吊销许可证件',
  EMPLOYMENT_RESTRICTION: '限制从业',
  BUSINESS_SUSPENSION: '责令停产停业、责令关闭',
  DETENTION_REFERRAL: '移送行政拘留',
  OTHER: '其他',
};

export const REVISION_ACTION: Record<string, string> = {
  DRAFTED: '生成草稿',
  PUBLISHED: '审核发布',
  CORRECTED: '纠错更正',
  NOT_PUBLISHABLE: '依法不予公开',
  WITHDRAWAL_REQUIRED: '决定变更或撤销，须撤回',
  WITHDRAWN: '撤回',
};

export const WITHDRAWAL_TRIGGER: Record<string, string> = {
  CONFIRMED_ILLEGAL: '被确认违法',
  CONFIRMED_VOID: '被确认无效',
  DECISION_CHANGED: '决定被变更',
  DECISION_REVOKED: '决定被撤销',
  OTHER: '其他（如公示有误）',
};

export const DISCRETION_TIER: Record<string, string> = {
  NO_PENALTY: '不予处罚',
  MITIGATED: '减轻处罚',
  LENIENT: '从轻处罚',
  ORDINARY: '一般',
  HEAVIER: '从重处罚',
};

export const INSPECTION_KIND: Record<string, string> = {
  ROUTINE: '日常检查',
  TARGETED: '个案检查',
  JOINT: '联合检查',
};

export const NOTICE_KIND: Record<string, string> = {
  COMMENDATION: '通报表扬',
  CRITICISM: '通报批评',
};

/** A label, or the raw value when the API grew a value this build does not know yet. */
export const label = (names: Record<string, string>, value: string) => names[value] ?? value;

/** 2026-03-01T08:00:00Z → 2026-03-01 16:00 in Beijing time, as the agencies' documents date things. */
export function dateTime(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** Yuan amounts as the API gives them (decimal text). */
export const yuan = (amount: string) => `${Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`;
