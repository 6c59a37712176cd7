import { eventFeed, type SchemaDefinition } from '@tsp/shared';
import { CaseResolver } from './case.resolver.js';
import { EntryResolver } from './entry.resolver.js';
import { CaseMutationResolver } from './mutation.resolver.js';
import { AgencyRecordsResolver } from './agency.resolver.js';
import { RecordsInternalResolver } from './internal.resolver.js';
import { SupervisionFinding } from './types.js';
import { references } from './references.js';
import { AgencySupervisionSummary, SummaryResolver } from './summary.resolver.js';
import { summaryReference } from '../read/summary.js';
import { CaseJournalResolver, VerifyCaseJournalResolver } from './journal-status.js';
import { JournalResolver } from './journal.resolver.js';

export const schema: SchemaDefinition = {
  resolvers: [SummaryResolver, CaseResolver, EntryResolver, CaseMutationResolver, AgencyRecordsResolver, RecordsInternalResolver, CaseJournalResolver, VerifyCaseJournalResolver, JournalResolver, eventFeed('records', 'Records')],
  orphanedTypes: [AgencySupervisionSummary, SupervisionFinding],
  references: { ...references, AgencySupervisionSummary: summaryReference },
};
