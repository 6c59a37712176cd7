import { registerEnumType } from 'type-graphql';

import { ComplaintKind, ComplaintStatus } from '../rules/kinds.js';

/** The GraphQL names of this subgraph's enums: import them from here so they are registered before use. */
export { ComplaintKind, ComplaintStatus };

registerEnumType(ComplaintKind, {
  name: 'ComplaintKind',
  description: '投诉举报类型 Complaint or report',
  valuesConfig: {
    COMPLAINT: { description: '投诉 about the complainant’s own rights and interests; names the complainant' },
    REPORT: { description: '举报 a report of wrongdoing; may be anonymous' },
  },
});

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: '投诉举报状态 Where a complaint stands',
  valuesConfig: {
    SUBMITTED: { description: '已提交 received, waiting for the justice bureau' },
    REJECTED: { description: '不予受理 not accepted, with the reason' },
    ACCEPTED: { description: '已受理 accepted by the justice bureau' },
    ASSIGNED: { description: '已交办 sent to the agency, its answer due' },
    ANSWERED: { description: '已答复 the agency answered' },
    CLOSED: { description: '已办结 concluded by the justice bureau' },
  },
});
