import { type SupervisionClient, supervisionClient } from '@tsp/shared';

/** supervision's internal feed, read with review's service token (webhook deliveries of complaint events). */
export const supervision: SupervisionClient = supervisionClient('review');
