import { disclosure } from '@tsp/disclosure';
import { inspection } from '@tsp/inspection';
import { personnel } from '@tsp/personnel';
import { records } from '@tsp/records';
import { review } from '@tsp/review';
import type { SubgraphName, SubgraphService } from '@tsp/shared';
import { supervision } from '@tsp/supervision';

/** Each registered subgraph's service (shared/src/config/subgraphs.ts); the type makes the compiler ask for a new one. */
export const services: Record<SubgraphName, SubgraphService> = {
  personnel,
  records,
  review,
  disclosure,
  inspection,
  supervision,
};
