import { Role, signDevToken, type SubgraphName } from '@tsp/shared';

import type { Peer } from './platform.js';
import type { BenchData } from './seed.js';

export type Target = 'gateway' | Peer | 'direct';

export interface Scenario {
  key: string;
  title: string;
  /** Request bodies (JSON); each request takes one at random. */
  bodies: string[];
  /** Callers' tokens; each request takes one at random (several users, as in real use). */
  authorizations?: string[];
  /** The one subgraph that owns every field asked, if there is one: measured directly too. */
  owner?: SubgraphName;
  /** A mutation: each answer differs (new ids), so targets are compared by shape, not by value. */
  write?: boolean;
}

const body = (query: string, variables?: Record<string, unknown>) => JSON.stringify({ query, variables });

const PUBLICATIONS = `{ publications(first: 20) { edges { node { id caseNumber partyName summary decidedOn status } } pageInfo { hasNextPage endCursor } } }`;
const CASE = `query($id: ID!) { case(id: $id) { caseNumber agency { name } handlers { name } reviews { status } publication { status } } }`;
const FINDINGS = `query($region: String!) { agencies(region: $region) { name personnelFindings { kind } recordFindings { kind } reviewFindings { kind } disclosureFindings { kind } } }`;
const SUMMARY = `query($region: String!, $from: Date!, $to: Date!) { supervisionSummary(region: $region, from: $from, to: $to) { agencyId personnel { kind count } records { kind category count } review { kind category count } disclosure { kind category count } inspection { kind count } supervision { kind count } } }`;
const SEARCH = `query($text: String!) { publications(first: 20, filter: { text: $text }) { edges { node { id caseNumber partyName summary decidedOn } } pageInfo { hasNextPage } } }`;
const APPEND = `mutation($input: AppendRecordInput!) { appendRecord(input: $input) { id sequence } }`;

/**
 * The four measured requests (README § Performance), with tokens and random ids from the seeded data; with
 * `province`, also the supervisor's region summary and the public text search (README § Performance, province).
 */
export async function scenarios(data: BenchData, province = false): Promise<Scenario[]> {
  const a = data.agencies[0];
  const officer = a.officers[0];
  // Each officer of the agency, and ten supervisors of the region: Hive Gateway merges identical in-flight
  // upstream requests (same body and headers), which would otherwise turn 10 clients into one.
  const agencyTokens = await Promise.all(
    a.officers.map(async (sub) => `Bearer ${await signDevToken({ role: Role.OFFICER, sub, agencyId: a.id }, '6h')}`),
  );
  const writer = [`Bearer ${await signDevToken({ role: Role.OFFICER, sub: officer, agencyId: a.id }, '6h')}`];
  const supervisors = await Promise.all(
    Array.from(
      { length: 10 },
      async (_, i) =>
        `Bearer ${await signDevToken({ role: Role.SUPERVISOR, sub: `bench-supervisor-${i}`, region: data.region }, '6h')}`,
    ),
  );
  // occurredAt must not precede filing nor lie in the future: a minute ago is valid for every seeded case.
  const occurredAt = new Date(Date.now() - 60_000).toISOString();
  const today = new Date().toISOString().slice(0, 10);
  const extra: Scenario[] = province
    ? [
        {
          key: 'summary',
          title: `supervisionSummary of the region's ${data.agencies.length} agencies, this year`,
          bodies: [body(SUMMARY, { region: data.region, from: `${today.slice(0, 4)}-01-01`, to: today })],
          authorizations: supervisors,
        },
        {
          key: 'search',
          title: 'publications(filter: { text }), public: a case number, an organisation, a term found nowhere',
          bodies: data.searchTerms.map((text) => body(SEARCH, { text })),
          owner: 'disclosure',
        },
      ]
    : [];
  return [
    ...extra,
    {
      key: 'publications',
      title: '(1) publications(first: 20), public',
      bodies: [body(PUBLICATIONS)],
      owner: 'disclosure',
    },
    {
      key: 'case',
      title: '(2) case + agency, handlers, reviews, publication',
      bodies: a.cases.map((id) => body(CASE, { id })),
      authorizations: agencyTokens,
    },
    {
      key: 'append',
      title: '(4) appendRecord (NOTE, one officer)',
      bodies: a.openCases.map((caseId) =>
        body(APPEND, {
          input: {
            caseId,
            stage: 'INVESTIGATION',
            activity: 'NOTE',
            occurredAt,
            officerIds: [officer],
            summary: '基准测试备注 bench note',
          },
        }),
      ),
      authorizations: writer,
      owner: 'records',
      write: true,
    },
    // Last: at full size it is the slowest by far, and leaves the most work behind.
    {
      key: 'findings',
      title: `(3) supervisor: all findings of ${data.agencies.length} agencies`,
      bodies: [body(FINDINGS, { region: data.region })],
      authorizations: supervisors,
    },
  ];
}
