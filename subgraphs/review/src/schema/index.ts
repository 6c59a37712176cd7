import { eventFeed, type SchemaDefinition, statisticsRowsResolver } from '@tsp/shared';

import { reviewStatistics } from '../read/statistics.js';
import { CaseReviewResolver } from './case.resolver.js';
import { AgencyCatalogResolver, CatalogResolver } from './catalog.resolver.js';
import { ReviewEventsResolver } from './events.resolver.js';
import { AgencyFindingsResolver } from './findings.resolver.js';
import { InternalResolver } from './internal.resolver.js';
import { references } from './references.js';
import { ReviewResolver } from './review.resolver.js';
import { AgencySupervisionSummary, summaryReference, SummaryResolver } from './summary.resolver.js';
import { Agency, EnforcementCase, Officer } from './types.js';
import { WebhookResolver } from './webhook.resolver.js';
import { WebhookAllowlistResolver } from './webhook-allowlist.resolver.js';
import { WorkflowResolver } from './workflow.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [
    SummaryResolver,
    CatalogResolver,
    AgencyCatalogResolver,
    ReviewResolver,
    WorkflowResolver,
    CaseReviewResolver,
    InternalResolver,
    ReviewEventsResolver,
    AgencyFindingsResolver,
    eventFeed('review', 'Review'),
    WebhookResolver,
    WebhookAllowlistResolver,
    statisticsRowsResolver(reviewStatistics),
  ],
  // Reached only through extension fields or references, so they must be named here.
  orphanedTypes: [AgencySupervisionSummary, Agency, EnforcementCase, Officer],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
