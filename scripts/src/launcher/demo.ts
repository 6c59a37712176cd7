import { Role, signDevToken, type TokenClaims } from '@tsp/shared';
import ipaddr from 'ipaddr.js';

export interface DemoAgency {
  id: string;
  name: string;
  region: string;
}
export interface DemoOfficer {
  id: string;
  name: string;
  position: string;
  roles: string[];
  credentials: { status: string }[];
}

/** The roles whose tokens name one agency: without it every subgraph refuses them. */
export const AGENCY_SCOPED: readonly Role[] = [Role.OFFICER, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD];

/** Why a token of this role with these scopes would be refused everywhere; undefined when it is usable. */
export function missingScope(
  role: Role,
  s: { agency?: string; agencies?: string; region?: string },
): string | undefined {
  const demo = "--demo <part of a demo agency's name> (e.g. --demo 规划局)";
  if (AGENCY_SCOPED.includes(role) && !s.agency) {
    return `${role} tokens need their agency: --agency <agency id> [--sub <officer id>], or ${demo}`;
  }
  if (role === Role.SUPERVISOR && !s.region) return `SUPERVISOR tokens need their region: --region 宁晋县, or ${demo}`;
  if (role === Role.INTEGRATOR && !s.agency && !s.agencies && !s.region)
    return `INTEGRATOR tokens need what they may read: --agency ID, --agencies ID,ID or --region R, or ${demo}`;
  return undefined;
}

/** The one agency whose name contains `text`; an error naming the candidates otherwise. */
export function matchAgency(agencies: DemoAgency[], text: string): DemoAgency {
  const hits = agencies.filter((a) => a.name.includes(text));
  if (hits.length === 1) return hits[0];
  const names = agencies.map((a) => a.name).join(', ') || 'none: is the demo seeded? (npm start)';
  if (hits.length) throw new Error(`"${text}" matches several agencies: ${hits.map((a) => a.name).join(', ')}`);
  throw new Error(`no agency's name contains "${text}"; agencies: ${names}`);
}

/**
 * Token claims for a demo person of `role` in `agency`: OFFICER — an enforcement officer whose
 * credential is valid today; LEGAL_REVIEWER — a legal reviewer; AGENCY_HEAD — the agency's (deputy)
 * head; SUPERVISOR — the agency's region; INTEGRATOR — the agency; ADMIN — itself.
 */
export interface DemoPerson {
  claims: TokenClaims;
  /** Who the token stands for, to say so. */
  who: string;
}

export function demoClaims(role: Role, agency: DemoAgency, officers: DemoOfficer[]): DemoPerson {
  const as = (o: DemoOfficer | undefined, what: string) => {
    if (!o) throw new Error(`${agency.name} has no ${what}`);
    return { claims: { role, sub: o.id, agencyId: agency.id }, who: `${o.name} (${o.position}), ${agency.name}` };
  };
  switch (role) {
    case Role.OFFICER:
      return as(
        officers.find((o) => o.roles.includes('ENFORCEMENT') && o.credentials.some((c) => c.status === 'VALID')),
        'enforcement officer with a valid credential',
      );
    case Role.LEGAL_REVIEWER:
      return as(
        officers.find((o) => o.roles.includes('LEGAL_REVIEWER')),
        'legal reviewer',
      );
    case Role.AGENCY_HEAD:
      return as(officers.find((o) => /^副?[局镇]长$/.test(o.position)) ?? officers[0], 'officer');
    case Role.SUPERVISOR:
      return { claims: { role, sub: 'dev-supervisor', region: agency.region }, who: `supervisor of ${agency.region}` };
    case Role.INTEGRATOR:
      return { claims: { role, sub: 'dev-integrator', agencyIds: [agency.id] }, who: `reading ${agency.name}` };
    default:
      return { claims: { role, sub: 'dev-admin' }, who: 'administrator' };
  }
}

/**
 * --demo sends an ADMIN token it mints itself, so it only talks to a platform on this machine: never over a
 * network to whatever GATEWAY_URL names.
 */
export function refuseRemoteGateway(gatewayUrl: string): void {
  const host = new URL(gatewayUrl).hostname.replace(/^\[|\]$/g, '');
  const local = host === 'localhost' || (ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback');
  if (!local) throw new Error(`--demo asks a platform on this machine only; GATEWAY_URL is ${gatewayUrl}`);
}

/** Asks the gateway, as an ADMIN with a development token minted here (so no token is needed first). */
async function ask<T>(gatewayUrl: string, query: string, variables: object = {}): Promise<T> {
  refuseRemoteGateway(gatewayUrl);
  const token = await signDevToken({ role: Role.ADMIN, sub: 'launcher' }, '5m');
  let res: Response;
  try {
    res = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (e) {
    const why = (e as Error).message;
    throw new Error(`the gateway at ${gatewayUrl} did not answer (${why}): is npm start running? (GATEWAY_URL)`, {
      cause: e,
    });
  }
  const body = (await res.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) {
    throw new Error(`the gateway refused: ${body.errors?.map((e) => e.message).join('; ')}`);
  }
  return body.data;
}

export async function demoAgencies(gatewayUrl: string): Promise<DemoAgency[]> {
  return (await ask<{ agencies: DemoAgency[] }>(gatewayUrl, `{ agencies { id name region } }`)).agencies;
}

export async function demoOfficers(gatewayUrl: string, agencyId: string): Promise<DemoOfficer[]> {
  const q = `query($a: ID!) { officers(agencyId: $a, first: 200) {
    edges { node { id name position roles credentials { status } } } } }`;
  const r = await ask<{ officers: { edges: { node: DemoOfficer }[] } }>(gatewayUrl, q, { a: agencyId });
  return r.officers.edges.map((e) => e.node);
}

/** A demo person of `role` in the agency whose name contains `agencyText`, looked up through the gateway. */
export async function findDemoPerson(gatewayUrl: string, role: Role, agencyText: string): Promise<DemoPerson> {
  const agency = matchAgency(await demoAgencies(gatewayUrl), agencyText);
  const needsOfficers = AGENCY_SCOPED.includes(role);
  return demoClaims(role, agency, needsOfficers ? await demoOfficers(gatewayUrl, agency.id) : []);
}
