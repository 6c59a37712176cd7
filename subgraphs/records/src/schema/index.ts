import { eventFeed, integratorLog, type SchemaDefinition, statisticsRowsResolver } from '@tsp/shared';

import { recordsStatistics } from '../read/statistics.js';
import { summaryReference } from '../read/summary.js';
import { AgencyRecordsResolver } from './agency.resolver.js';
import { CaseResolver } from './case.resolver.js';
import { ChallengeResolver, DecisionChallengesResolver } from './challenge.resolver.js';
import { EntryResolver } from './entry.resolver.js';
import { RecordsInternalResolver } from './internal.resolver.js';
import { JournalResolver } from './journal.resolver.js';
import { CaseJournalResolver, VerifyCaseJournalResolver } from './journal-status.js';
import { CaseMutationResolver } from './mutation.resolver.js';
import { AgencyProcedureResolver, CaseProcedureResolver, ProcedureMutationResolver } from './procedure.resolver.js';
import { references } from './references.js';
import { AgencySupervisionSummary, SummaryResolver } from './summary.resolver.js';
import { SupervisionFinding } from './types.js';

export const schema: SchemaDefinition = {
  resolvers: [
    SummaryResolver,
    CaseResolver,
    EntryResolver,
    CaseMutationResolver,
    ProcedureMutationResolver,
    CaseProcedureResolver,
    AgencyProcedureResolver,
    AgencyRecordsResolver,
    RecordsInternalResolver,
    statisticsRowsResolver(recordsStatistics),
    ChallengeResolver,
    DecisionChallengesResolver,
    CaseJournalResolver,
    VerifyCaseJournalResolver,
    JournalResolver,
    eventFeed('records', 'Records'),
    integratorLog('records', 'Records'),
  ],
  orphanedTypes: [AgencySupervisionSummary, SupervisionFinding],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
