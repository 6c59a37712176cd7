import type { RequestHandler } from 'express';

import { config, internalSecret } from '../config.js';
import { errorBody, hasInternalSecret } from '../server/http.js';
import { secretMatches } from '../server/secret.js';

/**
 * Metrics name operations, subgraphs and backlogs: not for the public. With METRICS_TOKEN set, the scraper
 * sends it as `Authorization: Bearer <token>` (what Prometheus's `authorization` scrape option sends) and
 * nothing else is accepted: INTERNAL_SECRET also signs service tokens and must not sit in a scrape config.
 * Unset (development), INTERNAL_SECRET is accepted, in `x-internal-secret` or as the bearer.
 */
export function hasMetricsSecret(header: (name: string) => string | undefined): boolean {
  const bearer = /^Bearer\s+(.+)$/i.exec(header('authorization') ?? '')?.[1];
  const token = config().METRICS_TOKEN;
  if (token) return secretMatches(bearer, token);
  return hasInternalSecret(header) || secretMatches(bearer, internalSecret());
}

export const requireMetricsSecret: RequestHandler = (req, res, next) => {
  if (hasMetricsSecret((n) => req.header(n))) return next();
  res.status(403).json(errorBody('FORBIDDEN', 'metrics require the metrics token / 需要指标令牌'));
};
