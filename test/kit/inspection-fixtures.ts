import { Role } from '@tsp/shared';

import { checkCharacter } from '../../subgraphs/inspection/src/rules/credit-code';
import { type GqlResult, type Platform, token } from './platform';
import { type RecordsWorld, setupWorld } from './records-fixtures';

/** The records world, plus what inspections need: B's head, two B officers able to inspect, one item each. */
export interface InspectionWorld {
  w: RecordsWorld;
  bHead: string;
  /** B's second officer (b1 is the first); both hold INSPECTION credentials. */
  bOfficer2: string;
  itemA: string;
  itemB: string;
}

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

export async function setupInspectionWorld(p: Platform): Promise<InspectionWorld> {
  const w = await setupWorld(p);
  const admin = w.tokens.admin;
  const bHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB });
  const bOfficer2 = ok(
    await p.gql(
      `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`,
      { i: { agencyId: w.agencyB, name: '陈静', position: '执法队员', roles: ['ENFORCEMENT'] } },
      { token: admin },
    ),
  ).registerOfficer.id as string;
  for (const [officerId, number] of [
    [w.b1, 'HB-NJ-0102'],
    [bOfficer2, 'HB-NJ-0103'],
  ])
    ok(
      await p.gql(
        `mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`,
        {
          i: {
            officerId,
            number,
            categories: ['INSPECTION'],
            region: '宁晋县',
            issuedOn: '2024-01-01',
            expiresOn: '2030-12-31',
          },
        },
        { token: admin },
      ),
    );
  const addItem = async (agencyId: string, tok: string, name: string) =>
    ok(
      await p.gql(
        `mutation($a: ID!, $i: InspectionItemInput!) { addInspectionItem(agencyId: $a, input: $i) { id } }`,
        {
          a: agencyId,
          i: { name, legalBasis: '《中华人民共和国城乡规划法》第五十三条', enforcementItem: '规划监督检查' },
        },
        { token: tok },
      ),
    ).addInspectionItem.id as string;
  return {
    w,
    bHead,
    bOfficer2,
    itemA: await addItem(w.agencyA, w.tokens.aHead, '建设工程规划许可执行情况检查'),
    itemB: await addItem(w.agencyB, bHead, '文化市场经营场所检查'),
  };
}

/** A valid unified social credit code, new on each call (GB 32100-2015 check character computed). */
let serial = 0;
export function newCreditCode(): string {
  const body = `91130528MA${(++serial).toString().padStart(7, '0')}`;
  return body + checkCharacter(body)!;
}
