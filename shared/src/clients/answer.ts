import type { z } from 'zod';

import type { ServiceName, SubgraphName } from '../config.js';
import { dependencyUnavailable } from '../errors.js';
import { InternalClient } from '../internal/client.js';
import { logger } from '../logger.js';

const log = logger('internal-client');

/**
 * Runs one internal query and parses the field it asks for with the producer's contract schema. An answer
 * that does not match is the producer's fault, reported like an outage (DEPENDENCY_UNAVAILABLE, reason
 * BAD_ANSWER) and logged with the paths that failed, never the values (they may be personal data).
 */
export async function ask<S extends z.ZodType>(
  client: InternalClient,
  to: SubgraphName,
  field: string,
  document: string,
  variables: Record<string, unknown>,
  schema: S,
): Promise<z.infer<S>> {
  const data = await client.request<Record<string, unknown>>(document, variables);
  const parsed = schema.safeParse(data[field]);
  if (parsed.success) return parsed.data;
  const paths = parsed.error.issues.slice(0, 5).map((i) => `${field}.${i.path.join('.')}: ${i.code}`);
  log.warn({ to, paths }, 'internal answer does not match its contract');
  throw dependencyUnavailable(to, { reason: 'BAD_ANSWER' });
}

/** One client per caller and target, created at first use (the target's URL is configuration read then). */
export function lazyClient(from: ServiceName, to: SubgraphName): () => InternalClient {
  let client: InternalClient | undefined;
  return () => (client ??= new InternalClient(from, to));
}
