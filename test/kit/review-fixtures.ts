import { Role } from '@tsp/shared';

import { FIXTURE_BLOBS, uploadBlob } from './blobs';
import { type GqlResult, type Platform, token } from './platform';

/** Two agencies of 宁晋县, their handlers and legal reviewers, and the tokens the review tests use. */
export interface ReviewWorld {
  agencyA: string;
  agencyB: string;
  /** A's handlers (valid PENALTY credentials), a qualified reviewer, an unqualified first-time reviewer, the legal office head. */
  h1: string;
  h2: string;
  rq: string;
  ru: string;
  head: string;
  /** An officer who both enforces and reviews (qualified): handler of some cases, reviewer of others. */
  dual: string;
  /** B's handlers and reviewer. */
  bh1: string;
  bh2: string;
  br: string;
  tokens: {
    admin: string;
    h1: string;
    h2: string;
    dual: string;
    rq: string;
    ru: string;
    head: string;
    aHead: string;
    bh1: string;
    br: string;
    supervisor: string;
    otherSupervisor: string;
    integratorA: string;
  };
}

export const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

export async function setupReviewWorld(p: Platform): Promise<ReviewWorld> {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const ok = async (q: string, v: Record<string, unknown>) => {
    const r = await p.gql(q, v, { token: admin });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const agency = async (code: string, name: string, kind: string) =>
    (
      await ok(`mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`, {
        i: { code, name, kind, region: '宁晋县', legalOfficeName: '法制股' },
      })
    ).createAgency.id as string;
  const officer = async (agencyId: string, name: string, roles: string[], legalProfessionQualified = false) =>
    (
      await ok(`mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`, {
        i: { agencyId, name, position: '科员', roles, legalProfessionQualified },
      })
    ).registerOfficer.id as string;
  let n = 0;
  const credential = (officerId: string) =>
    ok(`mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`, {
      i: {
        officerId,
        number: `HB-RV-${String(++n).padStart(4, '0')}`,
        categories: ['PENALTY', 'LICENSING'],
        region: '宁晋县',
        issuedOn: '2024-01-01',
        expiresOn: '2030-12-31',
      },
    });

  const agencyA = await agency('RV-SJJ', '宁晋县市场监督管理局', 'MARKET_REGULATION');
  const agencyB = await agency('RV-WL', '宁晋县文化和旅游局', 'CULTURE_TOURISM');
  const h1 = await officer(agencyA, '张伟', ['ENFORCEMENT']);
  const h2 = await officer(agencyA, '王芳', ['ENFORCEMENT']);
  const rq = await officer(agencyA, '李静', ['LEGAL_REVIEWER'], true);
  const ru = await officer(agencyA, '孙浩', ['LEGAL_REVIEWER'], false);
  const head = await officer(agencyA, '周敏', ['LEGAL_REVIEWER'], true);
  const dual = await officer(agencyA, '赵磊', ['ENFORCEMENT', 'LEGAL_REVIEWER'], true);
  const bh1 = await officer(agencyB, '刘洋', ['ENFORCEMENT']);
  const bh2 = await officer(agencyB, '陈磊', ['ENFORCEMENT']);
  const br = await officer(agencyB, '吴倩', ['LEGAL_REVIEWER'], true);
  for (const o of [h1, h2, dual, bh1, bh2]) await credential(o);
  const as = (role: Role, sub: string, agencyId: string) => token({ role, sub, agencyId });
  return {
    agencyA,
    agencyB,
    h1,
    h2,
    rq,
    ru,
    head,
    dual,
    bh1,
    bh2,
    br,
    tokens: {
      admin,
      h1: await as(Role.OFFICER, h1, agencyA),
      h2: await as(Role.OFFICER, h2, agencyA),
      dual: await as(Role.LEGAL_REVIEWER, dual, agencyA),
      rq: await as(Role.LEGAL_REVIEWER, rq, agencyA),
      ru: await as(Role.LEGAL_REVIEWER, ru, agencyA),
      head: await as(Role.LEGAL_REVIEWER, head, agencyA),
      aHead: await as(Role.AGENCY_HEAD, 'head-a', agencyA),
      bh1: await as(Role.OFFICER, bh1, agencyB),
      br: await as(Role.LEGAL_REVIEWER, br, agencyB),
      supervisor: await token({ role: Role.SUPERVISOR, sub: 'sfj-1', region: '宁晋县' }),
      otherSupervisor: await token({ role: Role.SUPERVISOR, sub: 'sfj-2', region: '柏乡县' }),
      integratorA: await token({ role: Role.INTEGRATOR, sub: 'client-a', agencyIds: [agencyA] }),
    },
  };
}

/** Opens a penalty case in the officer's agency through records (the handlers act), citing a file the officer uploads. */
export async function openPenaltyCase(
  p: Platform,
  officerToken: string,
  handlerIds: string[],
  caseNumber: string,
  party: 'NATURAL_PERSON' | 'ORGANIZATION' = 'ORGANIZATION',
): Promise<string> {
  const filing = FIXTURE_BLOBS.document;
  const put = await uploadBlob(p, officerToken, filing);
  if (put.status !== 200 && put.status !== 201) throw new Error(`upload: ${put.status} ${await put.text()}`);
  const r = await p.gql(
    `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`,
    {
      i: {
        caseNumber,
        category: 'PENALTY',
        cause: '销售不符合食品安全标准的食品',
        party:
          party === 'ORGANIZATION' ? { type: party, name: '宁晋县某某商贸有限公司' } : { type: party, name: '王某某' },
        amountInvolved: '120000.00',
        handlerIds,
        attachments: [
          {
            kind: 'TEXT_DOCUMENT',
            sha256: filing.sha256,
            size: filing.size,
            mediaType: filing.mediaType,
            name: '立案审批表.pdf',
            documentType: '立案审批表',
          },
        ],
      },
    },
    { token: officerToken },
  );
  if (r.errors) throw new Error(`openCase: ${JSON.stringify(r.errors)}`);
  return r.data.openCase.id;
}

export const SUBMIT = `mutation($i: SubmitForReviewInput!) { submitForReview(input: $i) { id status receivedOn dueOn caseNumber cause handlers { id } checklist { code answer } } }`;
export const START = `mutation($id: ID!) { startReview(reviewId: $id) { id status reviewer { id } } }`;
export const COMPLETE = `mutation($i: CompleteReviewInput!) { completeReview(input: $i) { id status reviewerOpinion reviewerSignedOn checklist { code answer comment } } }`;

export const proposal = (fine = '150000.00') => ({
  penaltyKinds: ['WARNING', 'FINE'],
  fineAmount: fine,
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  summary: `拟给予警告，并处罚款${fine}元`,
});

/** Every item of the PENALTY form answered the lawful way. */
export const lawfulPenaltyChecklist = () =>
  [
    'SUBJECT_QUALIFIED',
    'PROCEDURE_LAWFUL',
    'FACTS_CLEAR',
    'LAW_APPLIED_CORRECTLY',
    'DOCUMENTS_STANDARD',
    'REMEDY_NOTICE_CORRECT',
    'PENALTY_TYPE_APPROPRIATE',
    'PERFORMANCE_MANNER_TERM',
    'DISCRETION_REASONABLE',
  ]
    .map((code) => ({ code, answer: true, comment: '符合' }))
    .concat([{ code: 'CRIME_TRANSFER', answer: false, comment: '未达到刑事立案追诉标准' }]);
