/** An HTTP route the gateway forwards to a subgraph unchanged (files, rendered pages): not GraphQL. */
export interface ProxiedRoute {
  method: 'get' | 'put';
  /** Express path pattern, the same at the gateway and at the subgraph. */
  path: string;
  /** Refused at the gateway without a valid user token; the subgraph still authorises every request itself. */
  requireUser: boolean;
}

export interface SubgraphEntry {
  name: string;
  /** Default port (npm start, docker-compose.yml); `<NAME>_URL` overrides where the others find it. */
  port: number;
  /** 子图 What it owns, in a line (README, launcher output). */
  title: string;
  routes: readonly ProxiedRoute[];
}

/**
 * 子图登记 The subgraphs of the supergraph, in start order. Adding a subgraph is its folder under subgraphs/
 * (same layout as the others: docs/architecture.md) plus one entry here and its line in scripts/src/services.ts
 * (the compiler asks for it). Configuration (`<NAME>_URL` and its default), the launcher, the gateway's URLs and
 * proxied routes, the tests' platform and the docker-compose/Dockerfile/tsconfig tests all read this list.
 */
export const SUBGRAPH_REGISTRY = [
  {
    name: 'personnel',
    port: 4001,
    title: '执法人员与资格 Agencies, officers, credentials, supervision notices',
    routes: [],
  },
  {
    name: 'records',
    port: 4002,
    title: '执法全过程记录 Cases, the full-process record, its journal and attachments',
    routes: [
      { method: 'put', path: '/blobs/:sha256', requireUser: true },
      { method: 'get', path: '/blobs/:sha256', requireUser: true },
    ],
  },
  { name: 'review', port: 4003, title: '重大执法决定法制审核 Legal review of major decisions, webhooks', routes: [] },
  {
    name: 'disclosure',
    port: 4004,
    title: '行政执法公示 Publications, ex-ante lists, annual reports',
    routes: [{ method: 'get', path: '/flowcharts/:agencyId/:file', requireUser: false }],
  },
  {
    name: 'inspection',
    port: 4005,
    title: '涉企行政检查 Enterprise inspections: items, enterprises, inspections',
    routes: [],
  },
  {
    name: 'supervision',
    port: 4006,
    title: '行政执法监督 The justice bureau’s own records: complaints and reports; enforcement statistics',
    routes: [{ method: 'get', path: '/exports/statistics/:region/:file', requireUser: true }],
  },
] as const satisfies readonly SubgraphEntry[];

export type SubgraphName = (typeof SUBGRAPH_REGISTRY)[number]['name'];
export type ServiceName = 'gateway' | SubgraphName;
export type SubgraphUrlVar = `${Uppercase<SubgraphName>}_URL`;

export const SUBGRAPHS: readonly SubgraphName[] = SUBGRAPH_REGISTRY.map((s) => s.name);

export function subgraphUrlVar(name: SubgraphName): SubgraphUrlVar {
  return `${name.toUpperCase()}_URL` as SubgraphUrlVar;
}

/** Default ports, used by the launcher, docker-compose.yml and tests alike. */
export const DEFAULT_PORTS = Object.freeze({
  gateway: 4000,
  ...Object.fromEntries(SUBGRAPH_REGISTRY.map((s) => [s.name, s.port])),
}) as Readonly<Record<ServiceName, number>>;

/** `<NAME>_URL: <name> subgraph GraphQL URL` for each subgraph, for the variables' documentation. */
export const SUBGRAPH_URL_VARS = Object.fromEntries(
  SUBGRAPHS.map((n) => [
    subgraphUrlVar(n),
    `${n} subgraph GraphQL URL (default http://127.0.0.1:${DEFAULT_PORTS[n]}/graphql)`,
  ]),
) as Record<SubgraphUrlVar, string>;
