import { registerEnumType } from 'type-graphql';

/** 执法类别 The kinds of administrative enforcement action (行政许可、行政处罚、行政强制、行政检查 …). */
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
  LICENSING: '行政许可',
  PENALTY: '行政处罚',
  COERCION: '行政强制',
  INSPECTION: '行政检查',
  EXPROPRIATION: '行政征收征用',
  OTHER: '其他',
};

/** 处罚种类 Kinds of penalty (行政处罚法 §9) and related decisions a review covers. */
export enum PenaltyKind {
  WARNING = 'WARNING',
  FINE = 'FINE',
  CONFISCATION = 'CONFISCATION',
  LICENCE_SUSPENSION = 'LICENCE_SUSPENSION',
  LICENCE_REVOCATION = 'LICENCE_REVOCATION',
  QUALIFICATION_DOWNGRADE = 'QUALIFICATION_DOWNGRADE',
  BUSINESS_SUSPENSION = 'BUSINESS_SUSPENSION',
  EMPLOYMENT_RESTRICTION = 'EMPLOYMENT_RESTRICTION',
  DETENTION_REFERRAL = 'DETENTION_REFERRAL',
  OTHER = 'OTHER',
}
registerEnumType(PenaltyKind, {
  name: 'PenaltyKind',
  description: '处罚种类 Kind of penalty',
  valuesConfig: {
    WARNING: { description: '警告、通报批评 warning' },
    FINE: { description: '罚款 fine' },
    CONFISCATION: { description: '没收违法所得、没收非法财物 confiscation' },
    LICENCE_SUSPENSION: { description: '暂扣许可证件 licence suspension' },
    LICENCE_REVOCATION: { description: '吊销许可证件 licence revocation' },
    QUALIFICATION_DOWNGRADE: { description: '降低资质等级 qualification downgrade' },
    BUSINESS_SUSPENSION: { description: '责令停产停业、责令关闭 business suspension or closure' },
    EMPLOYMENT_RESTRICTION: { description: '限制从业 employment restriction' },
    DETENTION_REFERRAL: { description: '移送行政拘留 referral for detention' },
    OTHER: { description: '其他 other' },
  },
});

/** 当事人类型 Party type: masking and catalogue thresholds differ. */
export enum PartyType {
  NATURAL_PERSON = 'NATURAL_PERSON',
  ORGANIZATION = 'ORGANIZATION',
}
registerEnumType(PartyType, {
  name: 'PartyType',
  description: '当事人类型 Party type',
  valuesConfig: {
    NATURAL_PERSON: { description: '自然人 natural person' },
    ORGANIZATION: { description: '法人或其他组织 organisation' },
  },
});
