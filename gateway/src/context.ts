import type { Request } from 'express';
import { identityFromHeader, type Identity } from '@tsp/shared';

export interface GatewayContext {
  identity: Identity;
  authorization?: string;
  idempotencyKey?: string;
}

/** The gateway checks the token first, so a bad token fails fast with UNAUTHENTICATED. */
export async function gatewayContext(req: Request): Promise<GatewayContext> {
  const authorization = req.header('authorization');
  const identity = await identityFromHeader(authorization);
  return { identity, authorization, idempotencyKey: req.header('idempotency-key') };
}
