import { Role } from '@tsp/shared';

import type { GqlAs } from './index.js';
import type { AgencyKey, SeededPersonnel } from './personnel.js';

/**
 * 投诉举报 Complaints from the public about 宁晋县's agencies, submitted without a token as the public does, then
 * handled by the justice bureau (SUPERVISOR) and the agencies through the API. All names and phones are fictional.
 *
 * Only three are submitted: submitComplaint is limited per client address (COMPLAINT_RATE_PER_HOUR, default 3,
 * read by the supervision service from the shared configuration), and the seed calls from one address. Raising
 * the limit for the launcher's supervision process would raise it for everyone for as long as that process
 * runs, not for the seed alone, so the seed keeps to the default and lets three complaints show every state:
 * - an anonymous report, accepted, assigned, answered and closed as founded (upheld);
 * - a complaint answered unsatisfyingly and sent back (COMPLAINT_REOPENED) with the shortest due period the
 *   bureau may set, one working day — assigned and still open, and COMPLAINT_OVERDUE once that day has passed
 *   (a complaint cannot be made overdue on the day it is seeded: due days lie in the future);
 * - a complaint rejected at triage with the reason the complainant reads (a penalty to be challenged by
 *   reconsideration or in court, where the party then went: the next step records her lawsuit).
 */
export interface SeededComplaints {
  complaints: {
    key: 'report' | 'reopened' | 'rejected';
    id: string;
    status: string;
    /** Shown once: null when the submission was replayed after an interrupted seed. */
    receiptCode: string | null;
  }[];
}

interface Submission {
  key: SeededComplaints['complaints'][number]['key'];
  agency: AgencyKey;
  input: Record<string, unknown>;
}

const SUBMIT = `mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { receiptCode status submittedAt } }`;
const LIST = `query($a: ID!) { complaints(filter: { agencyId: $a }, first: 100) {
  edges { node { id subject submittedAt } } } }`;
const TRIAGE = `mutation($id: ID!, $a: Boolean!, $n: String) { triageComplaint(id: $id, accept: $a, note: $n) { status } }`;
const ASSIGN = `mutation($id: ID!, $d: Int) { assignComplaint(id: $id, dueWorkingDays: $d) { status dueOn } }`;
const ANSWER = `mutation($id: ID!, $t: String!) { answerComplaint(id: $id, answer: $t) { status } }`;
const CLOSE = `mutation($id: ID!, $c: String!, $u: Boolean!) {
  closeComplaint(id: $id, conclusion: $c, upheld: $u) { status } }`;
const REOPEN = `mutation($id: ID!, $r: String!, $d: Int) { reopenComplaint(id: $id, reason: $r, dueWorkingDays: $d) {
  status dueOn } }`;

/** The shortest due period the bureau may set (rules/complaint.ts: 1…40 working days). */
const SHORTEST_DUE_WORKING_DAYS = 1;

function submissions(year: string): Submission[] {
  return [
    {
      key: 'report',
      agency: 'cultureTourism',
      input: {
        kind: 'REPORT',
        anonymous: true,
        subject: '举报网吧长期接纳未成年人上网，执法检查走过场',
        content:
          '贾家口镇某网吧晚上经常有初中生上网，前台不核验身份证。文化和旅游局来检查过一次，' +
          '之后情况没有变化，怀疑检查只是走过场，请求督促依法查处。',
      },
    },
    {
      key: 'reopened',
      agency: 'planning',
      input: {
        kind: 'COMPLAINT',
        subject: '现场检查时执法人员未出示执法证件',
        content:
          '城乡规划局两名执法人员到我家自建房现场检查，未出示执法证件，也未说明检查依据，' +
          '要求我停工并在笔录上签字。请核实执法人员是否依法亮证执法。',
        name: '刘桂芝',
        phone: '13731900017',
      },
    },
    {
      key: 'rejected',
      agency: 'marketRegulation',
      input: {
        kind: 'COMPLAINT',
        caseNumber: `宁市监罚〔${year}〕1号`,
        subject: '对市场监管局罚款决定不服，要求撤销',
        content:
          '我在河渠镇集贸市场经营熟食摊位，市场监督管理局以菌落总数超标为由没收违法所得并罚款五千元。' +
          '我认为抽样不规范、处罚过重，请求撤销该处罚决定。',
        name: '张秀梅',
        phone: '13703199003',
      },
    },
  ];
}

export async function seedComplaints(as: GqlAs, personnel: SeededPersonnel, today: string): Promise<SeededComplaints> {
  const bureau = { role: Role.SUPERVISOR, sub: 'seed-sfj', region: personnel.region };
  const head = (agency: AgencyKey) => ({
    role: Role.AGENCY_HEAD,
    sub: `seed-${agency}-head`,
    agencyId: personnel.agencies[agency].id,
  });
  const out: SeededComplaints = { complaints: [] };
  const ids: Record<string, string> = {};
  for (const s of submissions(today.slice(0, 4))) {
    const agencyId = personnel.agencies[s.agency].id;
    const { submitComplaint: r } = await as(null, SUBMIT, { i: { ...s.input, agencyId } });
    // The receipt carries no id: the bureau finds the complaint in its list, as its staff would.
    const { complaints } = await as(bureau, LIST, { a: agencyId });
    const at = new Date(r.submittedAt).getTime();
    const found = (complaints.edges as { node: { id: string; subject: string; submittedAt: string } }[])
      .map((e) => e.node)
      .find((n) => n.subject === s.input.subject && new Date(n.submittedAt).getTime() === at);
    if (!found) throw new Error(`seed complaints: the bureau does not list the ${s.key} complaint`);
    ids[s.key] = found.id;
    out.complaints.push({ key: s.key, id: found.id, status: r.status, receiptCode: r.receiptCode });
  }

  // The anonymous report: founded — the agency inspected again at night and opened a case.
  await as(bureau, TRIAGE, { id: ids.report, a: true, n: '举报事项属于执法监督范围，予以受理' });
  await as(bureau, ASSIGN, { id: ids.report, d: 15 });
  await as(head('cultureTourism'), ANSWER, {
    id: ids.report,
    t:
      '经核查，我局于夜间对该网吧开展突击检查，发现接纳未成年人上网两人次，已依法立案查处（宁文旅罚〔' +
      `${today.slice(0, 4)}〕2号），并对辖区网吧开展专项检查。`,
  });
  await as(bureau, CLOSE, {
    id: ids.report,
    c: '举报属实。文化和旅游局已立案查处并开展专项检查，本局将跟踪督办查处结果。',
    u: true,
  });

  // The complaint about the credentials: the answer does not show how it was checked, so it goes back.
  await as(bureau, TRIAGE, { id: ids.reopened, a: true, n: '涉及执法人员亮证执法，予以受理' });
  await as(bureau, ASSIGN, { id: ids.reopened, d: 10 });
  await as(head('planning'), ANSWER, {
    id: ids.reopened,
    t: '经询问当事执法人员，其称检查时已出示执法证件，投诉情况不属实。',
  });
  await as(bureau, REOPEN, {
    id: ids.reopened,
    r: '答复仅依据执法人员自述，未调取执法记录仪视频核实，请调取视频核实后重新答复。',
    d: SHORTEST_DUE_WORKING_DAYS,
  });

  // Disagreeing with a penalty decision is for reconsideration or the court (信访工作条例 §31).
  await as(bureau, TRIAGE, {
    id: ids.rejected,
    a: false,
    n: '您反映的事项系对行政处罚决定不服，依法应当通过行政复议或者行政诉讼途径解决，本机关不予受理。',
  });

  const after: Record<string, string> = { report: 'CLOSED', reopened: 'ASSIGNED', rejected: 'REJECTED' };
  for (const c of out.complaints) c.status = after[c.key];
  return out;
}
