import type { ServiceName, SubgraphName } from '../config.js';
import { type StatisticsRow, StatisticsRowSchema } from '../contracts/statistics.js';
import { ask, lazyClient } from './answer.js';

/** The typed client of one subgraph's internal `statisticsRows` (行政执法统计), for the supervision subgraph. */
export interface StatisticsClient {
  /** Rows of the region's agencies for the days from..to (YYYY-MM-DD, Asia/Shanghai, inclusive); fails closed. */
  rows(region: string, from: string, to: string): Promise<StatisticsRow[]>;
}

const ROWS = `query($r:String!,$f:Date!,$t:Date!){
  statisticsRows(region:$r, from:$f, to:$t){ agencyId month category metric value } }`;

export function statisticsClient(from: ServiceName, to: SubgraphName): StatisticsClient {
  const client = lazyClient(from, to);
  return {
    rows: (region, f, t) => ask(client(), to, 'statisticsRows', ROWS, { r: region, f, t }, StatisticsRowSchema.array()),
  };
}
