import { Role, shanghaiDate } from '@tsp/shared';

import { type Platform, startPlatform, token } from '../kit/platform';
import {
  APPEND,
  DECIDE,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  snapshot,
  video,
} from '../kit/records-fixtures';
import { COMPLETE, lawfulPenaltyChecklist, START, SUBMIT } from '../kit/review-fixtures';

/**
 * `case.reviewRequirement` answered `major: false` for a case whose
 * `recordDecision` was then refused as major (REVIEW_REQUIRED). The field judged the latest
 * proposed decision (or, before any submission, no penalty at all) while the gate judges the
 * decision being recorded. Now both call one rule (review's `reviewRequirementOf`), and the field
 * answers for the decision the front end is about to record when it passes `decision`.
 */
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const now = () => new Date().toISOString();
const REQUIREMENT = `query($id: ID!, $d: DecisionToCheckInput) {
  case(id: $id) { reviewRequirement(decision: $d) { major reasons covered problem basedOn } } }`;

interface Decision {
  penaltyKinds: string[];
  fineAmount?: string;
  confiscationAmount?: string;
}
interface Requirement {
  major: boolean;
  reasons: string[];
  covered: boolean;
  problem: string | null;
  basedOn: string;
}

/** Opens a natural person's penalty case and brings it to EXAMINATION, ready for its decision. */
async function caseReadyForDecision(caseNumber: string): Promise<string> {
  const opened = await p.gql(OPEN, { i: penaltyCase(w, caseNumber) }, { token: w.tokens.a });
  expect(opened.errors).toBeUndefined();
  const caseId = opened.data.openCase.id;
  const steps = [
    ['INVESTIGATION', 'ON_SITE_INSPECTION', [video(), photo()]],
    ['EVIDENCE', 'DOCUMENT', [doc('调查笔录')]],
    ['EXAMINATION', 'DOCUMENT', []],
  ] as const;
  for (const [stage, activity, attachments] of steps) {
    const i = { caseId, stage, activity, occurredAt: now(), officerIds: [w.o1, w.o2], attachments, summary: activity };
    const r = await p.gql(APPEND, { i }, { token: w.tokens.a });
    expect(r.errors).toBeUndefined();
  }
  // Notice of every term asked about below, waived: the procedure gate lets each through to review's gate.
  await serveNoticeWaived(p, w, caseId, {
    penaltyKinds: ['WARNING', 'FINE', 'CONFISCATION', 'LICENCE_REVOCATION', 'BUSINESS_SUSPENSION'],
    fineAmount: '30000.00',
    confiscationAmount: '15000.00',
  });
  return caseId;
}

async function requirement(caseId: string, decision?: Decision) {
  const r = await p.gql(REQUIREMENT, { id: caseId, d: decision ?? null }, { token: w.tokens.a });
  expect(r.errors).toBeUndefined();
  return r.data.case.reviewRequirement as Requirement;
}

const decide = (caseId: string, d: Decision) =>
  p.gql(
    DECIDE,
    {
      i: {
        caseId,
        outcome: '处罚',
        legalBasis: '《中华人民共和国城乡规划法》第六十四条',
        facts: '未取得建设工程规划许可证建设房屋',
        conclusion: '依法处罚',
        decidedOn: shanghaiDate(),
        officerIds: [w.o1, w.o2],
        ...d,
      },
    },
    { token: w.tokens.a },
  );

/** The field's answer for `d` must be exactly what recordDecision does with `d`. */
async function expectSameAnswer(caseId: string, d: Decision) {
  const asked = await requirement(caseId, d);
  const before = await snapshot(p, caseId);
  const r = await decide(caseId, d);
  if (asked.major && !asked.covered) {
    expect(r.errors?.[0]?.extensions).toMatchObject({
      code: 'REVIEW_REQUIRED',
      reasons: asked.reasons,
      problem: asked.problem,
    });
    expect(await snapshot(p, caseId)).toEqual(before);
  } else {
    expect(r.errors).toBeUndefined();
  }
  return asked;
}

test('before any submission: "not major" for a large fine that recordDecision then refused as major', async () => {
  const caseId = await caseReadyForDecision('宁规罚〔2026〕901号');
  // Without a decision the field can only judge the case facts, and now says so.
  const factsOnly = await requirement(caseId);
  expect(factsOnly).toMatchObject({ major: false, covered: true });
  expect(factsOnly.basedOn).toMatch(/pass `decision`/);

  const refused: Decision[] = [
    // The disagreement of the issue: a large fine for a natural person.
    { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '20000.00' },
    { penaltyKinds: ['FINE'], fineAmount: '10000' }, // exactly the threshold
    { penaltyKinds: ['CONFISCATION'], confiscationAmount: '15000.00' },
    { penaltyKinds: ['LICENCE_REVOCATION'] },
    { penaltyKinds: ['BUSINESS_SUSPENSION'] },
  ];
  for (const d of refused) {
    const asked = await expectSameAnswer(caseId, d);
    expect({ major: asked.major, covered: asked.covered }).toEqual({ major: true, covered: false });
    expect(asked.reasons.length).toBeGreaterThan(0);
    expect(asked.problem).toMatch(/no PASSED legal review/);
  }
  const accepted = await expectSameAnswer(caseId, { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '5000.00' });
  expect(accepted).toMatchObject({ major: false, covered: true, reasons: [] });
});

test('after a PASSED review of a minor proposal: the field judged the proposal, the gate the decision', async () => {
  const caseId = await caseReadyForDecision('宁规罚〔2026〕902号');
  const officer = {
    agencyId: w.agencyA,
    name: '李淑芬',
    position: '政策法规股股长',
    roles: ['LEGAL_REVIEWER'],
    legalProfessionQualified: true,
  };
  const register = `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`;
  const reg = await p.gql(register, { i: officer }, { token: w.tokens.admin });
  expect(reg.errors).toBeUndefined();
  const reviewer = await token({ role: Role.LEGAL_REVIEWER, sub: reg.data.registerOfficer.id, agencyId: w.agencyA });
  const proposedDecision = {
    penaltyKinds: ['WARNING', 'FINE'],
    fineAmount: '5000.00',
    legalBasis: '《城乡规划法》第六十四条',
    summary: '警告，罚款5000元',
  };
  const sub = await p.gql(SUBMIT, { i: { caseId, proposedDecision } }, { token: w.tokens.a });
  expect(sub.errors).toBeUndefined();
  const reviewId = sub.data.submitForReview.id;
  expect((await p.gql(START, { id: reviewId }, { token: reviewer })).errors).toBeUndefined();
  const pass = { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist(), opinion: '同意。' };
  const done = await p.gql(COMPLETE, { i: pass }, { token: reviewer });
  expect(done.data?.completeReview.status).toBe('PASSED');

  // The field without a decision judges the reviewed proposal: not major.
  expect(await requirement(caseId)).toMatchObject({ major: false, covered: true });
  // A decision beyond the proposal is major and not covered, in both places alike.
  const beyond = await expectSameAnswer(caseId, { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '30000.00' });
  expect(beyond).toMatchObject({
    major: true,
    covered: false,
    problem: expect.stringMatching(/above the reviewed amount/),
  });
  expect(beyond.basedOn).toMatch(/decision asked about/);
  const accepted = await expectSameAnswer(caseId, { penaltyKinds: ['FINE'], fineAmount: '5000.00' });
  expect(accepted).toMatchObject({ major: false, covered: true });
});
