import type { Identity } from '@tsp/shared';
import type { Request } from 'express';

export interface GatewayContext {
  identity: Identity;
  authorization?: string;
  idempotencyKey?: string;
  /**
   * The socket's peer address, normalised, or the client a trusted proxy names (TRUSTED_PROXIES); never a header
   * the client itself sent: those can say anything.
   */
  clientAddress?: string;
  /** Bytes of subgraph answers this request has gathered so far (limits/numbers.ts maxUpstreamBytes). */
  upstreamBytes?: number;
  /** The query text the edge has already checked against the limits (limits/plugin.ts skips it). */
  checkedQuery?: string;
}

/** The edge (limits/edge.ts) has verified the token already; a bad one never reaches Apollo. */
export function gatewayContext(
  req: Request,
  clientAddressOf: (req: Request) => string,
  identity: Identity,
  checkedQuery?: string,
): GatewayContext {
  return {
    identity,
    authorization: req.header('authorization'),
    idempotencyKey: req.header('idempotency-key'),
    clientAddress: clientAddressOf(req),
    checkedQuery,
  };
}
