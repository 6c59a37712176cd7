import { addCalendarDays, Role, shanghaiDate, type TokenClaims } from '@tsp/shared';

import type { SeedUpload } from './index.js';
import type { AgencyKey, SeededOfficer, SeededPersonnel } from './personnel.js';

/**
 * Demo legal review (重大执法决定法制审核) for 宁晋县, through the GraphQL API as each agency would do
 * it: catalogues of major decisions and review settings, then penalty cases sent for review and
 * reviewed — passed and countersigned, returned for supplement, failed and escalated to the
 * leadership, one still open, and one overdue (so the supervisor sees REVIEW_OVERDUE on first start).
 * Cases are opened here through records' openCase with their own case numbers (…审1xx号).
 */
export type SeedAs = (claims: TokenClaims, query: string, variables?: Record<string, unknown>) => Promise<any>;

interface RuleSeed {
  category: string;
  description: string;
  penaltyKinds?: string[];
  fineThreshold?: { naturalPerson: string | null; organization: string | null };
  amountInvolvedThreshold?: { naturalPerson: string | null; organization: string | null };
  hearingHeld?: boolean;
  enforcementLevel?: string;
  field?: string;
  socialImpact?: string;
  legalBasis: string;
}

const HEARING: RuleSeed = {
  category: 'PENALTY',
  description: '经过听证程序作出行政处罚决定的',
  hearingHeld: true,
  legalBasis: '《中华人民共和国行政处罚法》第五十八条第一款第二项',
};
const LARGE_FINE = (n: string, o: string, list: string): RuleSeed => ({
  category: 'PENALTY',
  description: `拟对公民处以${Number(n) / 10000}万元以上、对法人或者其他组织处以${Number(o) / 10000}万元以上罚款的`,
  penaltyKinds: ['FINE'],
  fineThreshold: { naturalPerson: n, organization: o },
  legalBasis: `《中华人民共和国行政处罚法》第六十三条；${list}`,
});
const COMPLEX: RuleSeed = {
  category: 'PENALTY',
  description: '案件情况疑难复杂、涉及多个法律关系的',
  socialImpact: '案情复杂、涉及多个法律关系，或可能造成重大社会影响（由承办机构提请认定）',
  legalBasis: '《中华人民共和国行政处罚法》第五十八条第一款第三项',
};

const CATALOGUES: Partial<Record<AgencyKey, RuleSeed[]>> = {
  planning: [
    LARGE_FINE('5000.00', '50000.00', '《宁晋县城乡规划局重大执法决定法制审核目录清单》第一项'),
    HEARING,
    {
      category: 'LICENSING',
      description: '拟撤销、撤回建设工程规划许可证或者乡村建设规划许可证的',
      penaltyKinds: ['LICENCE_REVOCATION'],
      legalBasis: '《中华人民共和国行政许可法》第八条、第六十九条',
    },
    {
      category: 'COERCION',
      description: '拟强制拆除违法建筑物、构筑物的',
      enforcementLevel: '县级',
      field: '城乡规划',
      socialImpact: '涉及群众重大财产权益，易引发矛盾',
      legalBasis: '《中华人民共和国城乡规划法》第六十八条；《中华人民共和国行政强制法》第四十四条',
    },
    COMPLEX,
  ],
  cultureTourism: [
    LARGE_FINE('10000.00', '100000.00', '《宁晋县文化和旅游局重大执法决定法制审核目录清单》第一项'),
    {
      category: 'PENALTY',
      description: '拟责令停业整顿、吊销营业性演出许可证或者网络文化经营许可证的',
      penaltyKinds: ['BUSINESS_SUSPENSION', 'LICENCE_REVOCATION'],
      legalBasis: '《营业性演出管理条例》第四十四条、第四十六条',
    },
    HEARING,
    {
      category: 'PENALTY',
      description: '涉及重大公共利益、可能造成重大社会影响的',
      field: '文化市场、旅游市场',
      socialImpact: '涉及重大公共利益或者可能引发群体性事件、舆情',
      legalBasis: '《中华人民共和国行政处罚法》第五十八条第一款第一项',
    },
  ],
  marketRegulation: [
    LARGE_FINE('10000.00', '100000.00', '《市场监督管理行政处罚听证办法》第五条'),
    {
      category: 'PENALTY',
      description: '拟吊销许可证件、责令停产停业的',
      penaltyKinds: ['LICENCE_REVOCATION', 'BUSINESS_SUSPENSION'],
      legalBasis: '《中华人民共和国行政处罚法》第六十三条第一款第二项、第四项',
    },
    {
      category: 'PENALTY',
      description: '涉案货值金额较大的（公民5万元以上、法人或者其他组织20万元以上）',
      amountInvolvedThreshold: { naturalPerson: '50000.00', organization: '200000.00' },
      legalBasis: '《宁晋县市场监督管理局重大执法决定法制审核目录清单》第三项',
    },
    HEARING,
    {
      category: 'COERCION',
      description: '拟查封、扣押涉案财物价值10万元以上的',
      amountInvolvedThreshold: { naturalPerson: '100000.00', organization: '100000.00' },
      legalBasis: '《中华人民共和国行政强制法》第二十二条；《市场监督管理行政处罚程序规定》第四十一条',
    },
    COMPLEX,
  ],
  township: [
    LARGE_FINE('10000.00', '100000.00', '《河渠镇综合行政执法重大执法决定法制审核目录清单》第一项'),
    HEARING,
    {
      category: 'COERCION',
      description: '拟强制拆除违法建筑物、构筑物的',
      enforcementLevel: '乡镇',
      field: '综合行政执法',
      socialImpact: '涉及群众重大财产权益',
      legalBasis: '《中华人民共和国行政强制法》第四十四条',
    },
  ],
};

/** Every PENALTY-form item answered the lawful way (涉嫌犯罪移送: 否). */
const LAWFUL = [
  ['SUBJECT_QUALIFIED', '执法主体适格，承办人员均持有效执法证件'],
  ['PROCEDURE_LAWFUL', '已履行告知、陈述申辩程序'],
  ['FACTS_CLEAR', '现场检查笔录、询问笔录、抽样检验报告相互印证'],
  ['LAW_APPLIED_CORRECTLY', '适用法律正确'],
  ['DOCUMENTS_STANDARD', '文书齐全规范'],
  ['REMEDY_NOTICE_CORRECT', '已告知复议、诉讼途径和期限'],
  ['PENALTY_TYPE_APPROPRIATE', '处罚种类适当'],
  ['PERFORMANCE_MANNER_TERM', '十五日内缴纳罚款，履行方式明确'],
  ['DISCRETION_REASONABLE', '符合本局行政处罚裁量基准'],
]
  .map(([code, comment]) => ({ code, answer: true, comment }))
  .concat([{ code: 'CRIME_TRANSFER', answer: false, comment: '未达到刑事立案追诉标准' }]);

export interface SeededReviews {
  catalogueRules: number;
  reviews: { caseNumber: string; reviewId: string; status: string }[];
}

const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id } }`;
const SUBMIT = `mutation($i: SubmitForReviewInput!) { submitForReview(input: $i) { id } }`;
const START = `mutation($id: ID!) { startReview(reviewId: $id) { id } }`;
const COMPLETE = `mutation($i: CompleteReviewInput!) { completeReview(input: $i) { status } }`;

export async function seedReviews(
  as: SeedAs,
  personnel: SeededPersonnel,
  upload: SeedUpload,
  today = shanghaiDate(),
): Promise<SeededReviews> {
  const head = (key: AgencyKey): TokenClaims => ({
    role: Role.AGENCY_HEAD,
    sub: `seed-head-${key}`,
    agencyId: personnel.agencies[key].id,
  });
  let catalogueRules = 0;
  for (const [key, rules] of Object.entries(CATALOGUES) as [AgencyKey, RuleSeed[]][]) {
    for (const r of rules) {
      await as(head(key), `mutation($i: ReviewCatalogRuleInput!) { setReviewCatalogRule(input: $i) { id } }`, {
        i: { agencyId: personnel.agencies[key].id, ...r },
      });
      catalogueRules++;
    }
  }
  await as(
    head('marketRegulation'),
    `mutation($i: ReviewSettingsInput!) { setReviewSettings(input: $i) { normalDays } }`,
    {
      i: {
        agencyId: personnel.agencies.marketRegulation.id,
        normalDays: 5,
        complexDays: 10,
        largeAmountNaturalPerson: '10000.00',
        largeAmountOrganization: '100000.00',
      },
    },
  );

  const validHandlers = (key: AgencyKey): SeededOfficer[] =>
    personnel.officers
      .filter(
        (o) =>
          o.agencyKey === key &&
          o.role === 'ENFORCEMENT' &&
          o.credentialNumbers.some((n) => personnel.credentials.find((c) => c.number === n)?.state === 'VALID'),
      )
      .slice(1, 3);
  const reviewer = (key: AgencyKey) =>
    personnel.officers.find((o) => o.agencyKey === key && o.role === 'LEGAL_REVIEWER' && o.legalProfessionQualified)!;
  const officer = (o: SeededOfficer): TokenClaims => ({ role: Role.OFFICER, sub: o.id, agencyId: o.agencyId });
  const legal = (o: SeededOfficer): TokenClaims => ({ role: Role.LEGAL_REVIEWER, sub: o.id, agencyId: o.agencyId });
  const year = today.slice(0, 4);
  const out: SeededReviews['reviews'] = [];

  const reviewCase = async (
    key: AgencyKey,
    c: {
      no: string;
      cause: string;
      party: { type: string; name: string };
      amountInvolved: string | null;
      proposal: Record<string, unknown>;
      receivedDaysAgo?: number;
    },
  ) => {
    const [h1, h2] = validHandlers(key);
    const caseNumber = `${c.no}〔${year}〕审${100 + out.length + 1}号`;
    const filing = await upload(officer(h1), `立案审批表 ${caseNumber}`, 'application/pdf');
    const { openCase } = await as(officer(h1), OPEN, {
      i: {
        caseNumber,
        category: 'PENALTY',
        cause: c.cause,
        party: c.party,
        amountInvolved: c.amountInvolved,
        handlerIds: [h1.id, h2.id],
        attachments: [{ kind: 'TEXT_DOCUMENT', ...filing, name: '立案审批表.pdf', documentType: '立案审批表' }],
      },
    });
    const receivedOn = c.receivedDaysAgo ? addCalendarDays(today, -c.receivedDaysAgo) : null;
    const { submitForReview } = await as(officer(h1), SUBMIT, {
      i: { caseId: openCase.id, proposedDecision: c.proposal, receivedOn },
    });
    const entry = { caseNumber, reviewId: submitForReview.id as string, status: 'SUBMITTED' };
    out.push(entry);
    return { ...entry, h1, h2, rv: reviewer(key) };
  };

  // 市场监管: passed and countersigned by the agency head.
  const passed = await reviewCase('marketRegulation', {
    no: '宁市监罚',
    cause: '销售超过保质期的食品',
    party: { type: 'ORGANIZATION', name: '宁晋县某某连锁超市有限公司' },
    amountInvolved: '8600.00',
    proposal: {
      penaltyKinds: ['FINE', 'CONFISCATION'],
      fineAmount: '120000.00',
      confiscationAmount: '8600.00',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条第一款第五项',
      summary: '没收违法所得8600元，并处罚款120000元',
    },
  });
  await as(legal(passed.rv), START, { id: passed.reviewId });
  await as(legal(passed.rv), COMPLETE, {
    i: {
      reviewId: passed.reviewId,
      outcome: 'PASS',
      checklist: LAWFUL,
      opinion: '经审核，事实清楚，证据确凿，适用法律正确，程序合法，同意承办机构处理意见。',
    },
  });
  await as(
    head('marketRegulation'),
    `mutation($i: CountersignReviewInput!) { countersignReview(input: $i) { returnedOn } }`,
    { i: { reviewId: passed.reviewId, opinion: '同意审核意见，提交局务会集体讨论。' } },
  );
  out.find((r) => r.reviewId === passed.reviewId)!.status = 'PASSED';

  // 市场监管: returned for supplement.
  const returned = await reviewCase('marketRegulation', {
    no: '宁市监罚',
    cause: '使用未经定期检验的特种设备',
    party: { type: 'ORGANIZATION', name: '宁晋县某某纺织有限公司' },
    amountInvolved: null,
    proposal: {
      penaltyKinds: ['FINE'],
      fineAmount: '150000.00',
      legalBasis: '《中华人民共和国特种设备安全法》第八十四条第一项',
      summary: '责令停止使用，并处罚款150000元',
    },
  });
  await as(legal(returned.rv), START, { id: returned.reviewId });
  await as(legal(returned.rv), COMPLETE, {
    i: {
      reviewId: returned.reviewId,
      outcome: 'RETURN',
      checklist: [{ code: 'FACTS_CLEAR', answer: false, comment: '缺少设备使用登记证及检验机构出具的超期证明' }],
      opinion: '证据不充分，请补充设备使用登记资料及超期未检证明后重新送审。',
    },
  });
  out.find((r) => r.reviewId === returned.reviewId)!.status = 'RETURNED';

  // 文旅: failed, and the handler escalates to the leadership (left in COORDINATION for the demo).
  const failed = await reviewCase('cultureTourism', {
    no: '宁文旅罚',
    cause: '未经批准擅自从事营业性演出',
    party: { type: 'ORGANIZATION', name: '宁晋县某某文化传媒有限公司' },
    amountInvolved: '36000.00',
    proposal: {
      penaltyKinds: ['FINE', 'BUSINESS_SUSPENSION'],
      fineAmount: '50000.00',
      legalBasis: '《营业性演出管理条例》第四十三条',
      summary: '罚款50000元，责令停业整顿',
    },
  });
  await as(legal(failed.rv), START, { id: failed.reviewId });
  await as(legal(failed.rv), COMPLETE, {
    i: {
      reviewId: failed.reviewId,
      outcome: 'FAIL',
      checklist: [
        { code: 'LAW_APPLIED_CORRECTLY', answer: false, comment: '第四十三条不含责令停业整顿' },
        { code: 'PENALTY_TYPE_APPROPRIATE', answer: false, comment: '处罚种类超出法定种类' },
      ],
      opinion: '适用法律错误，处罚种类不当，不同意作出该决定。',
    },
  });
  await as(officer(failed.h1), `mutation($i: EscalateReviewInput!) { escalateReview(input: $i) { status } }`, {
    i: {
      reviewId: failed.reviewId,
      reason: '承办机构认为当事人屡次违法，应依照第四十六条从重处罚，提请局领导集体讨论。',
    },
  });
  out.find((r) => r.reviewId === failed.reviewId)!.status = 'COORDINATION';

  // 规划: taken by the reviewer 25 days ago and still open: overdue.
  const overdue = await reviewCase('planning', {
    no: '宁规罚',
    cause: '未取得建设工程规划许可证进行建设',
    party: { type: 'NATURAL_PERSON', name: '王某某' },
    amountInvolved: '260000.00',
    receivedDaysAgo: 25,
    proposal: {
      penaltyKinds: ['FINE'],
      fineAmount: '30000.00',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      summary: '责令停止建设、限期改正，并处建设工程造价百分之五以上百分之十以下罚款30000元',
    },
  });
  await as(legal(overdue.rv), START, { id: overdue.reviewId });
  out.find((r) => r.reviewId === overdue.reviewId)!.status = 'IN_REVIEW';

  // 规划: just submitted.
  await reviewCase('planning', {
    no: '宁规罚',
    cause: '未按照建设工程规划许可证的规定进行建设',
    party: { type: 'ORGANIZATION', name: '宁晋县某某房地产开发有限公司' },
    amountInvolved: '1800000.00',
    proposal: {
      penaltyKinds: ['FINE'],
      fineAmount: '90000.00',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      summary: '限期改正，并处罚款90000元',
    },
  });
  return { catalogueRules, reviews: out };
}
