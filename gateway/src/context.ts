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
 * The client address is worked out when first read (only mutations send it on: datasource.ts), from what the
 * request carried on arrival: resolving it costs more than the rest of the context, and most requests are queries.
 * A getter of the class, not of the object: Apollo Server copies the context's own properties for each operation,
 * which would read an own getter at once.
 */
class Context implements GatewayContext {
  authorization?: string;
  idempotencyKey?: string;
  checkedQuery?: string;
  private resolvedAddress?: string;

  constructor(
    readonly identity: Identity,
    private readonly arrival: Request,
    private readonly clientAddressOf: (req: Request) => string,
  ) {}

  get clientAddress(): string {
    return (this.resolvedAddress ??= this.clientAddressOf(this.arrival));
  }
}

/** The edge (limits/edge.ts) has verified the token already; a bad one never reaches Apollo. */
export function gatewayContext(
  req: Request,
  clientAddressOf: (req: Request) => string,
  identity: Identity,
  checkedQuery?: string,
): GatewayContext {
  // The socket forgets its peer once closed: keep what the resolver reads (proxy-addr: headers, socket address).
  const arrival = { headers: req.headers, socket: { remoteAddress: req.socket.remoteAddress } } as Request;
  const context = new Context(identity, arrival, clientAddressOf);
  context.authorization = req.header('authorization');
  context.idempotencyKey = req.header('idempotency-key');
  context.checkedQuery = checkedQuery;
  return context;
}
