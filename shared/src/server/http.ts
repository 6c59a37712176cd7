import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';

import { internalSecret } from '../config.js';
import { INTERNAL_SECRET_HEADER } from '../internal/client.js';
import { secretMatches } from './secret.js';

export const BODY_LIMIT = '1mb';

/** A GraphQL-shaped error body, so clients parse every refusal the same way. */
export function errorBody(code: string, message: string) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Express's body parser errors (too large, bad JSON) answered as GraphQL errors, not HTML. */
export const jsonErrors: ErrorRequestHandler = (err, _req, res, next) => {
  if (res.headersSent) return next(err);
  const e = err as { type?: string; status?: number; message?: string };
  if (e.type === 'entity.too.large')
    return res.status(413).json(errorBody('BAD_USER_INPUT', `request body too large (limit ${BODY_LIMIT}) / 请求过大`));
  if (e.type === 'entity.parse.failed')
    return res.status(400).json(errorBody('BAD_USER_INPUT', 'request body is not valid JSON'));
  return res.status(e.status ?? 500).json(errorBody('INTERNAL_SERVER_ERROR', 'internal error'));
};

/** Whether a request carries the internal secret (the gateway or another subgraph). */
export function hasInternalSecret(header: (name: string) => string | undefined): boolean {
  return secretMatches(header(INTERNAL_SECRET_HEADER), internalSecret());
}

/** Subgraphs answer only the gateway and each other: `_entities` and `_service` are no open door. */
export const requireInternalSecret: RequestHandler = (req, res, next) => {
  if (hasInternalSecret((n) => req.header(n))) return next();
  res.status(403).json(errorBody('FORBIDDEN', 'subgraphs are reached through the gateway / 请通过网关访问'));
};

export function baseApp(): Express {
  const app = express();
  app.disable('x-powered-by');
  return app;
}
