import { config, DEFAULT_PORTS, type ServiceName, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';

export interface ServiceAddress {
  port: number;
  /** GraphQL URL of the service. */
  url: string;
  /** Liveness URL the launcher polls. */
  health: string;
}

/**
 * Where npm start runs each service: the subgraphs where PERSONNEL_URL… point, the gateway where
 * GATEWAY_URL points (defaults 4001–4004 and 4000), so one set of variables both places the services
 * and tells the gateway and the CLI scripts where they are (two launchers can run side by side).
 */
export function serviceAddresses(
  get: (name: 'GATEWAY_URL' | ReturnType<typeof subgraphUrlVar>) => string | undefined = (name) => config()[name],
): Record<ServiceName, ServiceAddress> {
  const at = (name: ServiceName, given: string | undefined): ServiceAddress => {
    const url = new URL(given ?? `http://127.0.0.1:${DEFAULT_PORTS[name]}/graphql`);
    const port = Number(url.port || DEFAULT_PORTS[name]);
    return { port, url: url.toString(), health: new URL('/health', url).toString() };
  };
  const out = { gateway: at('gateway', get('GATEWAY_URL')) } as Record<ServiceName, ServiceAddress>;
  for (const n of SUBGRAPHS) out[n] = at(n, get(subgraphUrlVar(n)));
  return out;
}

/** The gateway's GraphQL URL for CLI scripts (GATEWAY_URL, default port 4000). */
export const gatewayUrl = (): string => serviceAddresses().gateway.url;
