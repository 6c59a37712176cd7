import { type SchemaDefinition, statisticsRowsResolver } from '@tsp/shared';

import { inspectionStatistics } from '../read/statistics.js';
import { EnterpriseResolver } from './enterprise.resolver.js';
import { InspectionEventsResolver, InspectionFeedResolver } from './events.resolver.js';
import { InspectionResolver } from './inspection.resolver.js';
import { AgencyItemsResolver, InspectionItemResolver } from './item.resolver.js';
import { AgencyPlanResolver, InspectionPublicResolver } from './public.resolver.js';
import { references } from './references.js';
import {
  AgencyInspectionFindingsResolver,
  AgencySupervisionSummary,
  CapsResolver,
  InspectionSummaryResolver,
} from './supervision.resolver.js';
import { Agency } from './types.js';

export const schema: SchemaDefinition = {
  resolvers: [
    EnterpriseResolver,
    InspectionItemResolver,
    AgencyItemsResolver,
    InspectionResolver,
    InspectionPublicResolver,
    AgencyPlanResolver,
    CapsResolver,
    AgencyInspectionFindingsResolver,
    InspectionSummaryResolver,
    InspectionEventsResolver,
    InspectionFeedResolver,
    statisticsRowsResolver(inspectionStatistics),
  ],
  // Agency and the summary are reached only through extension fields, so they must be named here.
  orphanedTypes: [Agency, AgencySupervisionSummary],
  references,
};
