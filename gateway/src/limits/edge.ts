import { cachedIdentityFromHeader, errorBody, type Identity, isAppError } from '@tsp/shared';
import type { Request, RequestHandler, Response } from 'express';

import type { OperationGuard, OperationRequest } from './check.js';

/** What the edge found, for the GraphQL context: the caller (the token is verified once) and the query it checked. */
export const edgeResult = (res: Response) => res.locals as { identity: Identity; checkedQuery?: string };

/**
 * The operation as Apollo will read it. For GET that is URLSearchParams over the raw URL, not
 * Express's `req.query`, which stops at 1,000 parameters: a `query` put after 1,000 padding
 * parameters would otherwise reach Apollo unchecked.
 */
function operationOf(req: Request): OperationRequest | undefined {
  let fields: Record<string, unknown>;
  if (req.method === 'GET') {
    const params = new URL(req.originalUrl, 'http://gateway').searchParams;
    fields = {
      query: params.get('query'),
      operationName: params.get('operationName'),
      variables: params.get('variables'),
    };
  } else if (req.body && typeof req.body === 'object' && !Array.isArray(req.body)) {
    fields = req.body as Record<string, unknown>;
  } else return undefined; // batches and bad bodies: Apollo refuses them
  const { query, operationName } = fields;
  let { variables } = fields;
  if (typeof query !== 'string') return undefined;
  if (typeof variables === 'string') {
    try {
      variables = JSON.parse(variables);
    } catch {
      return undefined; // Apollo refuses it
    }
  }
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : undefined,
  };
}

/**
 * Runs before Apollo: identifies the caller, then refuses an over-sized or over-costly operation
 * before graphql-js validates it (validation itself is quadratic in places). A bad or expired token
 * is HTTP 401 with `WWW-Authenticate` (RFC 6750), as the GraphQL-over-HTTP spec allows for
 * authentication failures: never HTTP 500. A token verified before is not verified again until it expires
 * (at most a minute: identity-cache.ts).
 */
export function edgeGuard(guard: OperationGuard, identify = cachedIdentityFromHeader()): RequestHandler {
  return async (req, res, next) => {
    let identity: Identity;
    try {
      identity = await identify(req.header('authorization'));
    } catch (e) {
      const why = isAppError(e) ? e.message : 'invalid token / 令牌无效';
      res.status(401).setHeader('www-authenticate', 'Bearer error="invalid_token"');
      return void res.json(errorBody('UNAUTHENTICATED', why));
    }
    res.locals.identity = identity;
    const request = operationOf(req);
    const refusal = request && guard.check(request, identity.role !== null);
    if (refusal) return void res.status(400).json({ errors: [refusal.toJSON()] });
    res.locals.checkedQuery = request?.query;
    next();
  };
}
