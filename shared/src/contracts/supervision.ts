import { z } from 'zod';

/**
 * supervision's `evaluatorCaseGrants`: the cases an officer of another agency has been assigned to evaluate
 * (案卷评查) and has not scored yet; records lets that officer read exactly these files.
 */
export const EvaluatorCaseGrantsSchema = z.array(z.string());

/**
 * supervision's `supervisionNoticeText`: a public notice (通报) as the bureau wrote it, for disclosure, which publishes
 * the masked copy (行政执法公示); null when unknown. Withdrawn ones carry the date and reason.
 */
export const SupervisionNoticeTextSchema = z
  .object({
    id: z.string(),
    region: z.string(),
    kind: z.enum(['COMMENDATION', 'CRITICISM']),
    title: z.string(),
    body: z.string(),
    agencyIds: z.array(z.string()).min(1),
    publishedAt: z.string(),
    withdrawnAt: z.string().nullable(),
    withdrawalReason: z.string().nullable(),
  })
  .nullable();
export type SupervisionNoticeText = NonNullable<z.infer<typeof SupervisionNoticeTextSchema>>;
