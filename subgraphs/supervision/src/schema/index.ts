import { eventFeed, integratorLog, type SchemaDefinition, statisticsRowsResolver } from '@tsp/shared';

import { complaintStatistics } from '../read/statistics-rows.js';
import { ComplaintResolver } from './complaint.resolver.js';
import { AgencyCaseFileEvaluationsResolver, CaseFileEvaluationResolver } from './evaluation.resolver.js';
import { AgencySupervisionInstrumentsResolver, SupervisionInstrumentResolver } from './instrument.resolver.js';
import { AgencySupervisionInterviewsResolver, SupervisionInterviewResolver } from './interview.resolver.js';
import { SupervisionNoticeResolver } from './notice.resolver.js';
import { references } from './references.js';
import { StatisticsResolver } from './statistics.resolver.js';
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
    StatisticsResolver,
    statisticsRowsResolver(complaintStatistics),
    CaseFileEvaluationResolver,
    AgencyCaseFileEvaluationsResolver,
    SupervisionInstrumentResolver,
    AgencySupervisionInstrumentsResolver,
    SupervisionInterviewResolver,
    AgencySupervisionInterviewsResolver,
    SupervisionNoticeResolver,
    // Complaint events: the internal feed review's webhooks read, and the integrators' log.
    eventFeed('supervision', 'Supervision'),
    integratorLog('supervision', 'Supervision'),
  ],
  // Agency and the summary are reached through extension fields, Officer through Complaint.officer.
  orphanedTypes: [Agency, Officer, AgencySupervisionSummary],
  references,
};
