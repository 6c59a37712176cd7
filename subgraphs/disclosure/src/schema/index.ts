import type { SchemaDefinition } from '@tsp/shared';
import { Agency, EnforcementCase } from './types.js';
import { PublicationResolver } from './publication.resolver.js';
import { PublicationWriteResolver } from './publication-write.resolver.js';
import { AgencyListingsResolver, ListingRevisionResolvers, ListingsResolver } from './listings.resolver.js';
import { AgencyFindingsResolver, ReportResolver } from './report.resolver.js';
import { CasePublicationResolver } from './case.resolver.js';
import { references } from './references.js';
import { AgencySupervisionSummary, SummaryResolver, summaryReference } from './summary.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [
    SummaryResolver,
    PublicationResolver, PublicationWriteResolver, ListingsResolver, AgencyListingsResolver, ...ListingRevisionResolvers,
    ReportResolver, AgencyFindingsResolver, CasePublicationResolver,
  ],
  // Agency and EnforcementCase are reached only through their extension fields, so they must be named here.
  orphanedTypes: [AgencySupervisionSummary, Agency, EnforcementCase],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
