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

/**
 * The edge (limits/edge.ts) has verified the token already; a bad one never reaches Apollo. The client address is
 * worked out when first read (only mutations send it on: datasource.ts), from what the request carried on arrival:
 * resolving it costs more than the rest of the context, and most requests are queries.
 */
export function gatewayContext(
  req: Request,
  clientAddressOf: (req: Request) => string,
  identity: Identity,
  checkedQuery?: string,
): GatewayContext {
  // The socket forgets its peer once closed: keep what the resolver reads (proxy-addr: headers, socket address).
  const arrival = { headers: req.headers, socket: { remoteAddress: req.socket.remoteAddress } } as Request;
  let clientAddress: string | undefined;
  return {
    identity,
    authorization: req.header('authorization'),
    idempotencyKey: req.header('idempotency-key'),
    get clientAddress() {
      return (clientAddress ??= clientAddressOf(arrival));
    },
    checkedQuery,
  };
}
