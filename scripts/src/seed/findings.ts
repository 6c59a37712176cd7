import { createHash } from 'node:crypto';

import { addCalendarDays, Role, shanghaiDate } from '@tsp/shared';

import type { AgencyKey, SeededPersonnel } from './personnel.js';
import type { SeedAs } from './reviews.js';

const IMPORT = `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id caseNumber } }`;
const DRAFTS = `query($a: ID!) { publications(filter: { agencyId: $a, status: DRAFT }, first: 50) { edges { node { id caseNumber } } } }`;

/**
 * 历史决定 Two decisions imported from the old system, as real platforms ingest them: one major
 * decision made without a legal review (its draft publication is also overdue), announced with the
 * party absent and never served (service overdue, 行政处罚法 §61); and one that was served, published
 * and later revoked but never taken down (withdrawal overdue). Neither shows a prior notice, so both are also
 * DECISION_WITHOUT_NOTICE (行政处罚法 §44, §62). A third walked the whole hearing path properly (notice,
 * hearing asked for, told three weeks ahead, chaired by a non-investigator, recorded): no procedural finding
 * (having had a hearing it is major, §58, so its missing review is one). Together with the other
 * seeds, the supervisor's query shows every finding kind the data can produce.
 */
export async function seedLegacyDecisions(
  as: SeedAs,
  personnel: SeededPersonnel,
  today = shanghaiDate(),
): Promise<void> {
  const admin = { role: Role.ADMIN, sub: 'seed-admin' };
  const year = today.slice(0, 4);
  const imported = async (
    agency: AgencyKey,
    caseNumber: string,
    cause: string,
    party: object,
    decision: object,
    daysAgo: number,
    served = false,
    path: (officers: string[]) => object[] = () => [],
  ) => {
    const officers = personnel.officers
      .filter((o) => o.agencyKey === agency && o.role === 'ENFORCEMENT')
      .slice(0, 2)
      .map((o) => o.id);
    const filed = addCalendarDays(today, -daysAgo - 30);
    const servedOn = addCalendarDays(today, -daysAgo + 2);
    const service = {
      stage: 'SERVICE',
      activity: 'SERVICE',
      occurredAt: `${servedOn}T10:00:00+08:00`,
      officerIds: officers,
      summary: '直接送达行政处罚决定书（历史系统导入）',
      attachments: [],
    };
    await as(admin, IMPORT, {
      i: {
        agencyId: personnel.agencies[agency].id,
        caseNumber,
        category: 'PENALTY',
        cause,
        party,
        handlerIds: officers,
        filedAt: `${filed}T09:00:00+08:00`,
        entries: [
          {
            stage: 'FILING',
            activity: 'FILING',
            occurredAt: `${filed}T09:00:00+08:00`,
            officerIds: officers,
            summary: '立案（历史系统导入）',
            attachments: [],
          },
          ...path(officers),
          ...(served ? [service] : []),
        ],
        decision: { officerIds: officers, decidedOn: addCalendarDays(today, -daysAgo), ...decision },
      },
    });
  };

  await imported(
    'planning',
    `宁规罚〔${year}〕88号`,
    '未取得建设工程规划许可证建设厂房',
    { type: 'ORGANIZATION', name: '宁晋县恒达建材有限公司' },
    {
      outcome: '罚款',
      penaltyKinds: ['FINE'],
      fineAmount: '200000.00',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '当事人未取得建设工程规划许可证，在凤凰镇建设厂房约2000平方米。',
      conclusion: '处建设工程造价百分之十的罚款200000元。',
      partyPresent: false,
    },
    30,
  );

  // Chaired by the planning management section's head, who did not investigate (§64(四)).
  const chair = personnel.officers.find((o) => o.agencyKey === 'planning' && o.name === '马振宇')!.id;
  const on = (daysBefore: number) => `${addCalendarDays(today, -daysBefore)}T10:00:00+08:00`;
  const step = (activity: string, daysBefore: number, summary: string, officerIds: string[], documentType: string) => ({
    stage: 'EXAMINATION',
    activity,
    occurredAt: on(daysBefore),
    officerIds,
    summary: `${summary}（历史系统导入）`,
    attachments: [
      {
        kind: 'TEXT_DOCUMENT',
        name: `${documentType}.pdf`,
        mediaType: 'application/pdf',
        size: 40_960,
        documentType,
        sha256: createHash('sha256').update(`${year}-89-${documentType}`).digest('hex'),
      },
    ],
  });
  await imported(
    'planning',
    `宁规罚〔${year}〕89号`,
    '未取得建设工程规划许可证建设沿街商铺',
    { type: 'NATURAL_PERSON', name: '吴长顺' },
    {
      outcome: '罚款',
      penaltyKinds: ['FINE'],
      fineAmount: '60000.00',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '当事人未取得建设工程规划许可证建设沿街商铺三间，工程造价约八十万元。',
      conclusion: '责令限期改正，并处建设工程造价百分之七点五的罚款60000元。',
      partyPresent: true,
    },
    10,
    false,
    (officers) => [
      step('PRIOR_NOTICE', 38, '送达行政处罚事先告知书，告知听证权利', officers, '行政处罚事先告知书'),
      step('HEARING_REQUEST', 37, '当事人书面申请听证', [officers[0]], '听证申请书'),
      step('HEARING_NOTICE', 36, '送达听证通知书', [officers[0]], '听证通知书'),
      step('HEARING', 15, '举行听证，当事人申辩工程系自住改商用', [chair, officers[0]], '听证笔录'),
    ],
  );

  const culture = personnel.agencies.cultureTourism;
  const caseNumber = `宁文旅罚〔${year}〕66号`;
  await imported(
    'cultureTourism',
    caseNumber,
    '未按规定悬挂营业执照',
    { type: 'ORGANIZATION', name: '宁晋县欢乐颂娱乐有限公司' },
    {
      outcome: '警告',
      penaltyKinds: ['WARNING'],
      legalBasis: '《娱乐场所管理条例》第五十条',
      facts: '当事人未在显著位置悬挂娱乐经营许可证。',
      conclusion: '给予警告。',
    },
    40,
    true,
  );
  // The draft appears when disclosure has consumed DecisionRecorded; then it is published and later revoked.
  const head = { role: Role.AGENCY_HEAD, sub: 'seed-culture-head', agencyId: culture.id };
  let draft: { id: string } | undefined;
  for (let i = 0; i < 100 && !draft; i++) {
    const r = await as(head, DRAFTS, { a: culture.id });
    draft = r.publications.edges
      .map((e: { node: { id: string; caseNumber: string } }) => e.node)
      .find((n: { caseNumber: string }) => n.caseNumber === caseNumber);
    if (!draft) await new Promise((res) => setTimeout(res, 100));
  }
  if (!draft) throw new Error(`seed: disclosure did not draft ${caseNumber}`);
  await as(head, `mutation($id: ID!) { publishDecision(id: $id, checkNote: "历史数据补录公示") { id } }`, {
    id: draft.id,
  });
  await as(
    head,
    `mutation($id: ID!, $on: String!) { reportDecisionChange(id: $id, trigger: DECISION_REVOKED, happenedOn: $on, note: "经行政复议撤销") { id } }`,
    { id: draft.id, on: addCalendarDays(today, -10) },
  );
}
