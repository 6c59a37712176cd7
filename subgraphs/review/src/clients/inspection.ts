import { type InspectionClient, inspectionClient } from '@tsp/shared';

/** inspection's internal feed, read with review's service token (webhook deliveries of inspection events). */
export const inspection: InspectionClient = inspectionClient('review');
