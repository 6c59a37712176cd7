import { type DisclosureClient, disclosureClient } from '@tsp/shared';

/**
 * disclosure's published discretion benchmarks (DEPENDENCY_UNAVAILABLE if down) and its internal feed (webhook
 * deliveries of publication events), read with review's service token.
 */
export const disclosure: DisclosureClient = disclosureClient('review');
