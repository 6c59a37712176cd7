import { FEED_FIELDS, InternalClient, parseFeed, startConsumer, subgraphUrl, type Orm, type SubgraphName, type Worker } from '@tsp/shared';
import { DECISION_RECORDED, onDecisionRecorded } from './decisions.js';
import { onReviewEvent } from './reviews.js';

/** Reads `<source>OutboxFeed` from the producing subgraph (its URL is read at call time, so tests can set it late). */
function feedOf(source: SubgraphName) {
  const query = `query($a:Int!,$f:Int!){ ${source}OutboxFeed(after:$a, first:$f){ ${FEED_FIELDS} } }`;
  let client: { url: string | undefined; c: InternalClient } | undefined;
  return async (after: number, limit: number) => {
    const url = subgraphUrl(source);
    if (!client || client.url !== url) client = { url, c: new InternalClient('disclosure', source) };
    const data = await client.c.request<Record<string, Parameters<typeof parseFeed>[1]>>(query, { a: after, f: limit });
    return parseFeed(source, data[`${source}OutboxFeed`]);
  };
}

/** The disclosure subgraph's event consumers: decisions from records, review outcomes from review. */
export function consumers(orm: Orm): Worker[] {
  return [
    startConsumer({
      orm, schema: 'disclosure', name: 'disclosure.decisions', source: 'records', fetch: feedOf('records'),
      handle: (em, e) => (e.type === DECISION_RECORDED ? onDecisionRecorded(em, e) : Promise.resolve()),
    }),
    startConsumer({ orm, schema: 'disclosure', name: 'disclosure.reviews', source: 'review', fetch: feedOf('review'), handle: onReviewEvent }),
  ];
}
