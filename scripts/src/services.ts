import type { SubgraphName, SubgraphService } from '@tsp/shared';
import { personnel } from '@tsp/personnel';
import { records } from '@tsp/records';
import { review } from '@tsp/review';
import { disclosure } from '@tsp/disclosure';

/** The four subgraphs, in start order. */
export const services: Record<SubgraphName, SubgraphService> = { personnel, records, review, disclosure };
