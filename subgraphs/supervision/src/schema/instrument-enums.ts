import { registerEnumType } from 'type-graphql';

import { InstrumentAction, InstrumentKind, InstrumentStatus, NoticeKind } from '../rules/instrument-kinds.js';

/** The GraphQL names of the instruments' enums: import them from here so they are registered before use. */
export { InstrumentAction, InstrumentKind, InstrumentStatus, NoticeKind };

registerEnumType(InstrumentKind, {
  name: 'SupervisionInstrumentKind',
  description: '监督文书类型 Supervision opinion or decision (行政执法监督条例, 国务院令第825号)',
  valuesConfig: {
    OPINION: {
      description:
        '监督意见书 Supervision opinion: the agency is asked to correct what was found and report back on what it did (response due in 15 working days by this platform’s default)',
    },
    DECISION: {
      description:
        '监督决定书 Supervision decision: orders the agency to correct, revoke, or confirm the act unlawful; binding — the agency must comply and report (response due in 10 working days by this platform’s default)',
    },
  },
});

registerEnumType(InstrumentStatus, {
  name: 'SupervisionInstrumentStatus',
  description: '监督文书状态 Where an instrument stands',
  valuesConfig: {
    ISSUED: { description: '待回复 issued, or sent back: the agency’s response is due' },
    RESPONDED: { description: '已回复 the agency responded; the justice bureau decides' },
    CLOSED: { description: '已办结 the justice bureau accepted the response' },
  },
});

registerEnumType(InstrumentAction, {
  name: 'SupervisionInstrumentAction',
  description: '监督文书办理步骤 A step on an instrument',
  valuesConfig: {
    ISSUE: { description: '制发 issued by the justice bureau' },
    RESPOND: { description: '回复 the agency’s head responded' },
    ACCEPT: { description: '办结 the justice bureau accepted the response' },
    RETURN: { description: '退回 the justice bureau did not accept it: back to the agency with a new due day' },
  },
});

registerEnumType(NoticeKind, {
  name: 'SupervisionNoticeKind',
  description: '通报类型 Commendation or criticism',
  valuesConfig: {
    COMMENDATION: { description: '通报表扬 commends the agencies named' },
    CRITICISM: { description: '通报批评 criticises the agencies named' },
  },
});
