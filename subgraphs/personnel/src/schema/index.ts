import { eventFeed, integratorLog, type SchemaDefinition } from '@tsp/shared';

import { summaryReference } from '../read/summary.js';
import { AgencyResolver } from './agency.resolver.js';
import { CalendarResolver } from './calendar.resolver.js';
import { CredentialResolver } from './credential.resolver.js';
import { InternalResolver } from './internal.resolver.js';
import { OfficerResolver } from './officer.resolver.js';
import { PublicResolver } from './public.resolver.js';
import { references } from './references.js';
import {
  AgencyNoticesResolver,
  NoticeResolver,
  SupervisionResolver,
  SupervisionSummaryResolver,
} from './supervision.resolver.js';
import { AssignmentResolver, TransferResolver } from './transfer.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [
    AgencyResolver,
    OfficerResolver,
    CredentialResolver,
    PublicResolver,
    InternalResolver,
    CalendarResolver,
    SupervisionResolver,
    SupervisionSummaryResolver,
    AgencyNoticesResolver,
    NoticeResolver,
    TransferResolver,
    AssignmentResolver,
    // Credential events: the internal feed review's webhooks read, and the integrators' log.
    eventFeed('personnel', 'Personnel'),
    integratorLog('personnel', 'Personnel'),
  ],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
