import { z } from 'zod';

/**
 * What personnel answers other subgraphs (its @inaccessible, service-only queries). The schemas are the
 * contract: a client parses every answer with them, so a producer that drifts fails loudly at the boundary
 * instead of deep inside a consumer.
 */
export const OfficerFactsSchema = z.object({
  id: z.string(),
  agencyId: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  legalProfessionQualified: z.boolean(),
});
export type OfficerFacts = z.infer<typeof OfficerFactsSchema>;

export const AgencyFactsSchema = z.object({ id: z.string(), name: z.string(), region: z.string() });
export type AgencyFacts = z.infer<typeof AgencyFactsSchema>;

/** Whether an officer holds a credential valid for a category, region and day (agencyId null: no such officer). */
export const CredentialCheckSchema = z.object({
  officerId: z.string(),
  agencyId: z.string().nullable(),
  officerName: z.string().nullable(),
  valid: z.boolean(),
  reason: z.string().nullable(),
  /** The credential that covers the action (public: it is printed on the card shown at the visit). */
  credentialNumber: z.string().nullable(),
});
export type CredentialCheck = z.infer<typeof CredentialCheckSchema>;
