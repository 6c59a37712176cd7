import type { SchemaDefinition } from '@tsp/shared';

import { ComplaintResolver } from './complaint.resolver.js';
import { AgencyCaseFileEvaluationsResolver, CaseFileEvaluationResolver } from './evaluation.resolver.js';
import { references } from './references.js';
import {
  AgencySupervisionFindingsResolver,
  AgencySupervisionSummary,
  SupervisionSummaryResolver,
} from './supervision.resolver.js';
import { Agency, Officer } from './types.js';

export const schema: SchemaDefinition = {
  resolvers: [
    ComplaintResolver,
    AgencySupervisionFindingsResolver,
    SupervisionSummaryResolver,
    CaseFileEvaluationResolver,
    AgencyCaseFileEvaluationsResolver,
  ],
  // Agency and the summary are reached through extension fields, Officer through Complaint.officer.
  orphanedTypes: [Agency, Officer, AgencySupervisionSummary],
  references,
};
