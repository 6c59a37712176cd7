import { type DisclosureClient, disclosureClient } from '@tsp/shared';

/** disclosure's published discretion benchmarks, read with review's service token (DEPENDENCY_UNAVAILABLE if down). */
export const disclosure: DisclosureClient = disclosureClient('review');
