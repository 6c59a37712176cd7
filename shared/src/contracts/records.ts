import { z } from 'zod';

import { EnforcementCategory, PartyType } from '../graphql/enums.js';

/** records' `caseFacts`: what review needs to know about a case. */
export const CaseFactsSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  region: z.string(),
  caseNumber: z.string(),
  category: z.enum(EnforcementCategory),
  cause: z.string(),
  partyType: z.enum(PartyType),
  partyName: z.string(),
  handlerIds: z.array(z.string()),
  stage: z.string(),
  amountInvolved: z.string().nullable(),
  hearingHeld: z.boolean(),
  decided: z.boolean(),
});
export type CaseFacts = z.infer<typeof CaseFactsSchema>;

/** records' `archivedCases`: a case archived in a period, for supervision's case-file evaluation sampling. */
export const ArchivedCaseRefSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  caseNumber: z.string(),
  category: z.enum(EnforcementCategory),
  archivedOn: z.string(),
});
export type ArchivedCaseRef = z.infer<typeof ArchivedCaseRefSchema>;
