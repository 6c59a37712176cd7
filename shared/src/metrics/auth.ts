import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { internalSecret } from '../config.js';
import { INTERNAL_SECRET_HEADER } from '../internal/client.js';
import { errorBody } from '../server/http.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * Metrics name operations, subgraphs and backlogs: not for the public. A scraper proves itself with
 * INTERNAL_SECRET, in `x-internal-secret` or as `Authorization: Bearer <secret>` (what Prometheus's
 * `authorization` scrape option sends). Digests compare in constant time whatever the lengths.
 */
export function hasMetricsSecret(header: (name: string) => string | undefined): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  const expected = digest(internalSecret());
  return [header(INTERNAL_SECRET_HEADER), bearer].some((given) => !!given && timingSafeEqual(digest(given), expected));
}

export const requireMetricsSecret: RequestHandler = (req, res, next) => {
  if (hasMetricsSecret((n) => req.header(n))) return next();
  res.status(403).json(errorBody('FORBIDDEN', 'metrics require the internal secret / 需要内部密钥'));
};
