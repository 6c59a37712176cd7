import { z } from 'zod';

import type { SubgraphName } from '../config.js';
import { FeedRowSchema } from '../contracts/feed.js';
import { FEED_FIELDS, parseFeed } from '../events/feed.js';
import type { DomainEvent } from '../events/types.js';
import type { InternalClient } from '../internal/client.js';
import { ask } from './answer.js';

/** Reads `<source>OutboxFeed(after, first)` from a producing subgraph, as DomainEvents. */
export async function readFeed(
  client: InternalClient,
  source: SubgraphName,
  after: number,
  limit: number,
): Promise<DomainEvent[]> {
  const field = `${source}OutboxFeed`;
  const document = `query($a:Int!,$f:Int!){ ${field}(after:$a, first:$f){ ${FEED_FIELDS} } }`;
  return parseFeed(source, await ask(client, source, field, document, { a: after, f: limit }, z.array(FeedRowSchema)));
}

/** Asks a producing subgraph for `<source>OutboxHead`: the newest position of its feed (0 = none yet). */
export async function readFeedHead(client: InternalClient, source: SubgraphName): Promise<number> {
  const field = `${source}OutboxHead`;
  return ask(client, source, field, `query{ ${field} }`, {}, z.number().int().nonnegative());
}
