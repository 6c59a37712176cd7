import { addCalendarDays, Role } from '@tsp/shared';

import type { SeededCases } from './cases.js';
import type { GqlAs } from './index.js';
import type { SeededPersonnel } from './personnel.js';

/**
 * 行政复议、行政诉讼 What became of three demo decisions the parties challenged, recorded through the API:
 * - 宁文旅罚〔year〕1号 (confiscation and fine for an unlicensed performance): reconsideration by the county
 *   government (行政复议法 2023 revision: a county department's decision goes to the county government, whose
 *   reconsideration office sits in the justice bureau), filed and then decided UPHELD (维持, §68);
 * - 宁市监罚〔year〕1号 (the food stall's fine): a lawsuit in the county court, PENDING — the party whose complaint
 *   the bureau rejected as a matter for the court (seed complaints);
 * - the legacy 宁文旅罚〔year〕66号, which the culture bureau reported as revoked on reconsideration 10 days ago
 *   (seed legacy decisions): the reconsideration itself, REVOKED (§64) — DECISION_OVERTURNED; its publication's
 *   withdrawal deadline was already running from the bureau's report, which disclosure keeps.
 * Dates: filed on the decision's own day for the live cases (decided on the seed's day), so no rule is bent.
 */
export interface SeededChallenges {
  challenges: { caseNumber: string; caseId: string; id: string; kind: string; outcome: string }[];
}

const RECORD = `mutation($i: RecordDecisionChallengeInput!) { recordDecisionChallenge(input: $i) { id kind outcome } }`;
const DECIDE = `mutation($i: DecideDecisionChallengeInput!) { decideDecisionChallenge(input: $i) { id kind outcome } }`;
const DECIDED_ON = `query($id: ID!) { case(id: $id) { decision { decidedOn } } }`;
const CASES = `query($a: ID!, $after: String) { cases(filter: { agencyId: $a, category: PENALTY }, first: 200, after: $after) {
  edges { node { id caseNumber } } pageInfo { hasNextPage endCursor } } }`;

export async function seedChallenges(
  as: GqlAs,
  personnel: SeededPersonnel,
  cases: SeededCases,
  today: string,
): Promise<SeededChallenges> {
  const year = today.slice(0, 4);
  const bureau = { role: Role.SUPERVISOR, sub: 'seed-sfj', region: personnel.region };
  const marketHead = {
    role: Role.AGENCY_HEAD,
    sub: 'seed-market-head',
    agencyId: personnel.agencies.marketRegulation.id,
  };
  const seeded = (caseNumber: string) => {
    const c = cases.cases.find((x) => x.caseNumber === caseNumber);
    if (!c) throw new Error(`seed challenges: the records step has no ${caseNumber}`);
    return c.id;
  };
  const decidedOn = async (caseId: string): Promise<string> =>
    (await as(bureau, DECIDED_ON, { id: caseId })).case.decision.decidedOn;
  const out: SeededChallenges = { challenges: [] };
  const keep = (caseNumber: string, caseId: string, c: { id: string; kind: string; outcome: string }) =>
    out.challenges.push({ caseNumber, caseId, id: c.id, kind: c.kind, outcome: c.outcome });

  const performance = `宁文旅罚〔${year}〕1号`;
  const performanceId = seeded(performance);
  const performanceOn = await decidedOn(performanceId);
  const filed = (
    await as(bureau, RECORD, {
      i: {
        caseId: performanceId,
        kind: 'RECONSIDERATION',
        body: '宁晋县人民政府',
        reference: `宁政复〔${year}〕7号`,
        filedOn: performanceOn,
        summary: '申请人认为系首次举办且已主动退票，请求撤销没收违法所得和罚款的决定。',
      },
    })
  ).recordDecisionChallenge;
  keep(
    performance,
    performanceId,
    (
      await as(bureau, DECIDE, {
        i: {
          id: filed.id,
          outcome: 'UPHELD',
          decidedOn: performanceOn,
          summary:
            '被申请人认定事实清楚、证据确凿，适用依据正确，程序合法，已考虑申请人主动停止演出的情节从轻处罚，' +
            '决定维持。',
        },
      })
    ).decideDecisionChallenge,
  );

  const stall = `宁市监罚〔${year}〕1号`;
  const stallId = seeded(stall);
  keep(
    stall,
    stallId,
    (
      await as(marketHead, RECORD, {
        i: {
          caseId: stallId,
          kind: 'LITIGATION',
          body: '宁晋县人民法院',
          reference: `（${year}）冀0528行初12号`,
          filedOn: await decidedOn(stallId),
          summary: '原告认为抽样程序不规范、处罚过重，请求撤销行政处罚决定。已收到应诉通知书，正在准备答辩。',
        },
      })
    ).recordDecisionChallenge,
  );

  // The legacy decision is not in the records step's result (the legacy step answers nothing): found by number.
  const culture = personnel.agencies.cultureTourism.id;
  const revoked = `宁文旅罚〔${year}〕66号`;
  let legacyId: string | undefined;
  for (let after: string | null = null; !legacyId;) {
    const page: any = (await as(bureau, CASES, { a: culture, after })).cases;
    legacyId = page.edges.find((e: { node: { caseNumber: string } }) => e.node.caseNumber === revoked)?.node.id;
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  if (!legacyId) throw new Error(`seed challenges: no ${revoked} (the legacy decisions step imports it)`);
  // The legacy step reported the revocation 10 days ago; the decision itself was made 40 days ago.
  keep(
    revoked,
    legacyId,
    (
      await as(bureau, RECORD, {
        i: {
          caseId: legacyId,
          kind: 'RECONSIDERATION',
          body: '宁晋县人民政府',
          reference: `宁政复〔${year}〕3号`,
          filedOn: addCalendarDays(today, -35),
          outcome: 'REVOKED',
          decidedOn: addCalendarDays(today, -10),
          summary: '被申请人认定当事人未悬挂许可证的事实证据不足，现场检查未制作笔录，决定撤销该行政处罚决定。',
        },
      })
    ).recordDecisionChallenge,
  );
  return out;
}
