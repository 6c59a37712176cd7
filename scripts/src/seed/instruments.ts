import { Role } from '@tsp/shared';

import type { GqlAs } from './index.js';
import type { SeededPersonnel } from './personnel.js';

/**
 * 监督意见书、监督决定书、通报 The justice bureau's written instruments and a public notice for 宁晋县 (行政执法监督条例):
 * an opinion to the planning bureau, responded to by its head and closed; a decision to market regulation, still
 * open (due in its default ten working days); a commendation of the culture and tourism bureau. All fictional.
 */
export interface SeededInstruments {
  instruments: { key: 'opinion' | 'decision'; id: string; status: string; dueOn: string }[];
  noticeId: string;
}

const ISSUE = `mutation($i: IssueSupervisionInstrumentInput!) { issueSupervisionInstrument(input: $i) {
  id status dueOn } }`;
const RESPOND = `mutation($id: ID!, $r: String!, $m: String!) {
  respondToSupervisionInstrument(id: $id, response: $r, measures: $m) { status } }`;
const CLOSE = `mutation($id: ID!, $a: Boolean!, $n: String!) {
  closeSupervisionInstrument(id: $id, accepted: $a, note: $n) { status dueOn } }`;
const PUBLISH = `mutation($i: PublishSupervisionNoticeInput!) { publishSupervisionNotice(input: $i) { id } }`;

export async function seedInstruments(as: GqlAs, personnel: SeededPersonnel): Promise<SeededInstruments> {
  const bureau = { role: Role.SUPERVISOR, sub: 'seed-sfj', region: personnel.region };
  const { planning, marketRegulation, cultureTourism } = personnel.agencies;
  const planningHead = { role: Role.AGENCY_HEAD, sub: 'seed-planning-head', agencyId: planning.id };

  const opinion = (
    await as(bureau, ISSUE, {
      i: {
        kind: 'OPINION',
        agencyId: planning.id,
        subject: '规范行政处罚告知程序',
        findings: '抽查发现部分行政处罚案件告知书未载明陈述、申辩期限。',
        requirements: '统一告知书格式，载明陈述、申辩期限，并报告整改情况。',
        legalBasis: '《行政执法监督条例》、《中华人民共和国行政处罚法》第四十四条',
      },
    })
  ).issueSupervisionInstrument;
  await as(planningHead, RESPOND, {
    id: opinion.id,
    r: '已组织专题学习，修订告知书格式。',
    m: '印发新版告知书格式文本，对在办案件逐件核查。',
  });
  const closed = (await as(bureau, CLOSE, { id: opinion.id, a: true, n: '整改到位，予以办结。' }))
    .closeSupervisionInstrument;

  const decision = (
    await as(bureau, ISSUE, {
      i: {
        kind: 'DECISION',
        agencyId: marketRegulation.id,
        subject: '纠正超期未结案件',
        findings: '两起行政处罚案件立案后逾期未作出处理决定。',
        requirements: '依法作出处理决定，并报告结果。',
        legalBasis: '《行政执法监督条例》、《中华人民共和国行政处罚法》第六十条',
      },
    })
  ).issueSupervisionInstrument;

  const notice = (
    await as(bureau, PUBLISH, {
      i: {
        kind: 'COMMENDATION',
        title: '关于宁晋县文化广电和旅游局规范执法工作的通报',
        body: '该局案卷评查成绩优良，执法全过程记录完整，予以通报表扬。',
        agencyIds: [cultureTourism.id],
      },
    })
  ).publishSupervisionNotice;

  return {
    instruments: [
      { key: 'opinion', id: opinion.id, status: closed.status, dueOn: opinion.dueOn },
      { key: 'decision', id: decision.id, status: decision.status, dueOn: decision.dueOn },
    ],
    noticeId: notice.id,
  };
}
