import { z } from 'zod';

/**
 * supervision's `evaluatorCaseGrants`: the cases an officer of another agency has been assigned to evaluate
 * (案卷评查) and has not scored yet; records lets that officer read exactly these files.
 */
export const EvaluatorCaseGrantsSchema = z.array(z.string());
