import { registerEnumType } from 'type-graphql';

/** 执法类别 (domain.md § Enforcement categories). */
export enum EnforcementCategory {
  LICENSING = 'LICENSING',
  PENALTY = 'PENALTY',
  COERCION = 'COERCION',
  INSPECTION = 'INSPECTION',
  EXPROPRIATION = 'EXPROPRIATION',
  OTHER = 'OTHER',
}
registerEnumType(EnforcementCategory, {
  name: 'EnforcementCategory',
  description: '执法类别 Enforcement category',
  valuesConfig: {
    LICENSING: { description: '行政许可 licensing' },
    PENALTY: { description: '行政处罚 penalty' },
    COERCION: { description: '行政强制 coercive measure' },
    INSPECTION: { description: '行政检查 inspection' },
    EXPROPRIATION: { description: '行政征收征用 expropriation' },
    OTHER: { description: '其他 other' },
  },
});

export const CATEGORY_NAMES_ZH: Record<EnforcementCategory, string> = {
  LICENSING: '行政许可', PENALTY: '行政处罚', COERCION: '行政强制', INSPECTION: '行政检查', EXPROPRIATION: '行政征收征用', OTHER: '其他',
};
