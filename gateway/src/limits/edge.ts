import type { Request, RequestHandler, Response } from 'express';
import { errorBody, identityFromHeader, isAppError, type Identity } from '@tsp/shared';
import type { OperationGuard, OperationRequest } from './check.js';

/** The caller the edge identified, for the GraphQL context (the token is verified once). */
export const edgeIdentity = (res: Response): Identity | undefined => res.locals.identity as Identity | undefined;

function operationOf(req: Request): OperationRequest | undefined {
  const source = req.method === 'GET' ? req.query : req.body;
  if (!source || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const { query, operationName, variables } = source as Record<string, unknown>;
  if (typeof query !== 'string') return undefined; // persisted-query hashes and bad bodies: Apollo's answer
  let vars = variables;
  if (typeof vars === 'string') {
    try {
      vars = JSON.parse(vars);
    } catch {
      return undefined;
    }
  }
  return {
    query,
    operationName: typeof operationName === 'string' ? operationName : undefined,
    variables: vars && typeof vars === 'object' ? (vars as Record<string, unknown>) : undefined,
  };
}

/**
 * Runs before Apollo: identifies the caller, then refuses an over-sized or over-costly operation
 * before graphql-js validates it. A bad or expired token is HTTP 401 with `WWW-Authenticate`
 * (RFC 6750), as the GraphQL-over-HTTP spec allows for authentication failures: never HTTP 500.
 */
export function edgeGuard(guard: OperationGuard): RequestHandler {
  return async (req, res, next) => {
    let identity: Identity;
    try {
      identity = await identityFromHeader(req.header('authorization'));
    } catch (e) {
      const why = isAppError(e) ? e.message : 'invalid token / 令牌无效';
      res.status(401).setHeader('www-authenticate', 'Bearer error="invalid_token"');
      return void res.json(errorBody('UNAUTHENTICATED', why));
    }
    res.locals.identity = identity;
    const request = operationOf(req);
    const refusal = request && guard.check(request, identity.role !== null);
    if (refusal) return void res.status(400).json({ errors: [refusal.toJSON()] });
    next();
  };
}
