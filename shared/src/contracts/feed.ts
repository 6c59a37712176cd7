import { z } from 'zod';

/** One row of a producer's internal `<source>OutboxFeed`; the payload travels as JSON text. */
export const FeedRowSchema = z.object({
  id: z.string(),
  type: z.string(),
  agencyId: z.string(),
  region: z.string(),
  subjectId: z.string(),
  occurredAt: z.string(),
  payloadJson: z.string(),
  position: z.number().int(),
  traceparent: z.string().nullable().optional(),
});
export type FeedRow = z.infer<typeof FeedRowSchema>;
