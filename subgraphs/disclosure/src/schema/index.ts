import { eventFeed, integratorLog, type SchemaDefinition, statisticsRowsResolver } from '@tsp/shared';

import { disclosureStatistics } from '../read/statistics.js';
import { CasePublicationResolver } from './case.resolver.js';
import {
  AgencyDiscretionResolver,
  DiscretionBenchmarkResolver,
  ItemDiscretionResolver,
} from './discretion.resolver.js';
import { AgencyListingsResolver, ListingRevisionResolvers, ListingsResolver } from './listings.resolver.js';
import { SupervisionNoticeResolver } from './notice.resolver.js';
import { PublicationResolver } from './publication.resolver.js';
import { PublicationWriteResolver } from './publication-write.resolver.js';
import { references } from './references.js';
import { AgencyFindingsResolver, ReportResolver } from './report.resolver.js';
import { AgencySupervisionSummary, summaryReference, SummaryResolver } from './summary.resolver.js';
import { Agency, EnforcementCase } from './types.js';

export const schema: SchemaDefinition = {
  resolvers: [
    SummaryResolver,
    PublicationResolver,
    PublicationWriteResolver,
    ListingsResolver,
    AgencyListingsResolver,
    ...ListingRevisionResolvers,
    DiscretionBenchmarkResolver,
    AgencyDiscretionResolver,
    ItemDiscretionResolver,
    ReportResolver,
    AgencyFindingsResolver,
    CasePublicationResolver,
    SupervisionNoticeResolver,
    statisticsRowsResolver(disclosureStatistics),
    // Publication and annual-report events: the internal feed review's webhooks read, and the integrators' log.
    eventFeed('disclosure', 'Disclosure'),
    integratorLog('disclosure', 'Disclosure'),
  ],
  // Agency and EnforcementCase are reached only through their extension fields, so they must be named here.
  orphanedTypes: [AgencySupervisionSummary, Agency, EnforcementCase],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
