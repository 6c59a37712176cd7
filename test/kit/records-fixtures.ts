import { Role } from '@tsp/shared';

import { FIXTURE_BLOBS, uploadFixtureBlobs } from './blobs';
import { sql } from './db';
import { type Platform, token } from './platform';

/** Two agencies of one county, a supervisor, officers with valid / expired credentials, and their tokens. */
export interface RecordsWorld {
  agencyA: string;
  agencyB: string;
  /** A's officers: o1, o2 valid for PENALTY in 宁晋县; o3 expired; o4 valid for LICENSING only. */
  o1: string;
  o2: string;
  o3: string;
  o4: string;
  /** B's officer, valid for PENALTY. */
  b1: string;
  tokens: {
    admin: string;
    a: string;
    aHead: string;
    b: string;
    supervisor: string;
    otherSupervisor: string;
    integrator: string;
  };
}

export async function setupWorld(p: Platform): Promise<RecordsWorld> {
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
  const officer = async (agencyId: string, name: string) =>
    (
      await ok(`mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`, {
        i: { agencyId, name, position: '执法队员', roles: ['ENFORCEMENT'] },
      })
    ).registerOfficer.id as string;
  const credential = (
    officerId: string,
    number: string,
    categories: string[],
    issuedOn = '2024-01-01',
    expiresOn = '2030-12-31',
  ) =>
    ok(`mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`, {
      i: { officerId, number, categories, region: '宁晋县', issuedOn, expiresOn },
    });

  const agencyA = await agency('NJ-GH', '宁晋县城乡规划局', 'PLANNING');
  const agencyB = await agency('NJ-WL', '宁晋县文化和旅游局', 'CULTURE_TOURISM');
  const [o1, o2, o3, o4, b1] = [
    await officer(agencyA, '张伟'),
    await officer(agencyA, '王芳'),
    await officer(agencyA, '李强'),
    await officer(agencyA, '赵敏'),
    await officer(agencyB, '刘洋'),
  ];
  await credential(o1, 'HB-NJ-0001', ['PENALTY', 'INSPECTION']);
  await credential(o2, 'HB-NJ-0002', ['PENALTY', 'INSPECTION']);
  await credential(o3, 'HB-NJ-0003', ['PENALTY'], '2018-01-01', '2023-01-01');
  await credential(o4, 'HB-NJ-0004', ['LICENSING']);
  await credential(b1, 'HB-NJ-0101', ['PENALTY']);
  const t = (claims: Parameters<typeof token>[0]) => token(claims);
  const tokenA = await t({ role: Role.OFFICER, sub: o1, agencyId: agencyA });
  const tokenB = await t({ role: Role.OFFICER, sub: b1, agencyId: agencyB });
  // Both agencies hold the fixture files, so doc(), video() and photo() may be cited by either.
  await uploadFixtureBlobs(p, tokenA);
  await uploadFixtureBlobs(p, tokenB);
  return {
    agencyA,
    agencyB,
    o1,
    o2,
    o3,
    o4,
    b1,
    tokens: {
      admin,
      a: tokenA,
      aHead: await t({ role: Role.AGENCY_HEAD, sub: 'head-a', agencyId: agencyA }),
      b: tokenB,
      supervisor: await t({ role: Role.SUPERVISOR, sub: 'sfj-1', region: '宁晋县' }),
      otherSupervisor: await t({ role: Role.SUPERVISOR, sub: 'sfj-2', region: '柏乡县' }),
      integrator: await t({ role: Role.INTEGRATOR, sub: 'client-1', agencyId: agencyA }),
    },
  };
}

let n = 0;
/** A distinct SHA-256 per call that nobody uploaded. */
export const sha = () => (++n).toString(16).padStart(64, 'a');
/** Attachments of files setupWorld uploaded for both agencies (citing needs the file uploaded). */
const cite = (blob: { sha256: string; size: number; mediaType: string }) => ({
  sha256: blob.sha256,
  size: blob.size,
  mediaType: blob.mediaType,
});
export const doc = (documentType: string) => ({
  kind: 'TEXT_DOCUMENT',
  ...cite(FIXTURE_BLOBS.document),
  name: `${documentType}.pdf`,
  documentType,
});
export const video = (fullProcess = false) => ({
  kind: 'VIDEO',
  ...cite(FIXTURE_BLOBS.video),
  name: '执法记录仪.mp4',
  fullProcess,
});
export const photo = () => ({ kind: 'PHOTO', ...cite(FIXTURE_BLOBS.photo), name: '现场照片.jpg' });
export const audio = () => ({ kind: 'AUDIO', ...cite(FIXTURE_BLOBS.audio), name: '询问录音.mp3' });

/** Row counts that must not move when a write is refused. */
export async function snapshot(p: Platform, caseId?: string) {
  const one = async (q: string, params: unknown[] = []) =>
    Number((await sql<{ n: string }>(p.databaseUrl, q, params))[0].n);
  return {
    cases: await one('select count(*) as n from records.enforcement_case'),
    entries: await one('select count(*) as n from records.record_entry'),
    attachments: await one('select count(*) as n from records.attachment'),
    decisions: await one('select count(*) as n from records.case_decision'),
    outbox: await one('select count(*) as n from records.outbox'),
    leaves: await one('select count(*) as n from records.journal_leaf'),
    stage: caseId
      ? (
          await sql<{ stage: string }>(p.databaseUrl, 'select stage from records.enforcement_case where id = $1', [
            caseId,
          ])
        )[0]?.stage
      : undefined,
  };
}

export const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id caseNumber stage decisionDueOn filedAt } }`;
export const APPEND = `mutation($i: AppendRecordInput!) { appendRecord(input: $i) { id sequence stage activity hash } }`;
export const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id stage decision { outcome fineAmount reviewId } } }`;
export const ARCHIVE = `mutation($i: ArchiveCaseInput!) { archiveCase(input: $i) { id stage } }`;
export const NOTICE = `mutation($i: ServePriorNoticeInput!) { servePriorNotice(input: $i) { statementDueOn notice { id } } }`;

/** What a prior notice announces. */
export interface PenaltyTerms {
  penaltyKinds: string[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
}

/**
 * 告知 + 放弃 The prior notice of these terms (offering a hearing), then the party's written waiver: what a
 * penalty decision needs to be made today (行政处罚法 §44, §62). The case must be at EVIDENCE or EXAMINATION.
 */
export async function serveNoticeWaived(
  p: Platform,
  w: RecordsWorld,
  caseId: string,
  terms: PenaltyTerms,
  tokenOf = w.tokens.a,
  officerIds = [w.o1, w.o2],
): Promise<void> {
  for (const [q, i] of [
    [
      NOTICE,
      {
        caseId,
        ...terms,
        facts: '当事人未取得建设工程规划许可证进行建设',
        legalBasis: '《中华人民共和国城乡规划法》第六十四条',
        hearingOffered: true,
        servedAt: new Date().toISOString(),
        officerIds,
      },
    ],
    [
      APPEND,
      {
        caseId,
        stage: 'EXAMINATION',
        activity: 'WAIVER',
        occurredAt: new Date().toISOString(),
        officerIds: officerIds.slice(0, 1),
        summary: '当事人书面表示放弃陈述、申辩和听证权利',
        attachments: [doc('放弃陈述申辩声明')],
      },
    ],
  ] as const) {
    const r = await p.gql(q, { i }, { token: tokenOf });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  }
}

export function penaltyCase(w: RecordsWorld, caseNumber: string, extra: Record<string, unknown> = {}) {
  return {
    caseNumber,
    category: 'PENALTY',
    cause: '未取得建设工程规划许可证进行建设',
    party: {
      type: 'NATURAL_PERSON',
      name: '王某某',
      idNumber: '130528198001011234',
      phone: '13800000000',
      address: '宁晋县凤凰镇某村',
    },
    amountInvolved: '80000.00',
    handlerIds: [w.o1, w.o2],
    attachments: [doc('立案审批表')],
    ...extra,
  };
}
