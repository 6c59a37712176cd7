import { z } from 'zod';

import type { ServiceName, SubgraphName } from '../config.js';
import { type StatisticsRow, StatisticsRowSchema } from '../contracts/statistics.js';
import { ask, lazyClient } from './answer.js';

/** The typed client of any subgraph's `statisticsRows` (行政执法统计), for the service that adds them up. */
export interface StatisticsClient {
  /** The subgraph's rows for the region's agencies, for days from..to (YYYY-MM-DD, both included). */
  rows(region: string, from: string, to: string): Promise<StatisticsRow[]>;
}

const ROWS = `query($r:String!,$f:Date!,$t:Date!){ statisticsRows(region:$r,from:$f,to:$t){ agencyId month category metric value } }`;

export function statisticsClient(from: ServiceName, to: SubgraphName): StatisticsClient {
  const client = lazyClient(from, to);
  return {
    rows: (region, f, t) =>
      ask(client(), to, 'statisticsRows', ROWS, { r: region, f, t }, z.array(StatisticsRowSchema)),
  };
}
