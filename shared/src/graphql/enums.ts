import { registerEnumType } from 'type-graphql';

import { DiscretionCircumstance, DiscretionTier } from '../contracts/discretion.js';

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

// Defined beside their contract (the pure rule uses them without type-graphql); registered here like the others.
registerEnumType(DiscretionTier, {
  name: 'DiscretionTier',
  description: '裁量阶次 Tier of a penalty discretion benchmark (行政处罚裁量基准)',
  valuesConfig: {
    NO_PENALTY: { description: '不予处罚 no penalty' },
    MITIGATED: { description: '减轻处罚 mitigated: below the statutory minimum (行政处罚法 §32)' },
    LENIENT: { description: '从轻处罚 lenient: the lower part of the statutory range (行政处罚法 §32)' },
    ORDINARY: { description: '一般 ordinary' },
    HEAVIER: { description: '从重处罚 heavier: the upper part of the statutory range' },
  },
});

registerEnumType(DiscretionCircumstance, {
  name: 'DiscretionCircumstance',
  description: '裁量情节 A circumstance of the case that the discretion rules turn on (行政处罚法 §33)',
  valuesConfig: {
    VIOLATION_MINOR: { description: '违法行为轻微 the violation is minor' },
    NO_HARM: { description: '没有造成危害后果 no harmful consequence' },
    HARM_MINOR: { description: '危害后果轻微 the harmful consequence is minor' },
    CORRECTED_IN_TIME: { description: '及时改正 corrected in time' },
    FIRST_VIOLATION: { description: '初次违法 first violation' },
    NO_FAULT: { description: '当事人有证据足以证明没有主观过错 the party proves it was not at fault' },
  },
});
