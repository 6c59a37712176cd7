import { checkCharacter } from '@tsp/inspection/dist/rules/credit-code.js';
import { addCalendarDays, Role, shanghaiDate, type TokenClaims } from '@tsp/shared';

import type { GqlAs, SeedUpload } from './index.js';
import { type AgencyKey, REGION, type SeededOfficer, type SeededPersonnel } from './personnel.js';

/**
 * 涉企行政检查 Demo inspections for 宁晋县 through the public API: enterprises, each agency's published inspection
 * list and annual plan, the county's frequency caps, and visits that show the supervisor 乱检查 as
 * 国办发〔2024〕54号 describes it. One cable maker is visited three times in a day — by the planning bureau, then
 * separately by market regulation (多头检查: INSPECTIONS_NOT_JOINED; it rates that visit 2: INSPECTION_POORLY_RATED),
 * then urgently after a complaint over the per-day cap (INSPECTION_OVER_CAP), which ends in a penalty case. Market
 * regulation and the township check a restaurant in one joint visit (综合查一次), rated 5; culture has a visit
 * approved for next week, and planning one still waiting for approval. Every enterprise is fictional.
 */
export interface SeededInspections {
  enterprises: { key: string; id: string; creditCode: string; name: string }[];
  items: Record<string, string>;
  inspections: { key: string; id: string; agencyKey: AgencyKey; status: string; codes: string[] }[];
}

/** GB 11714 check character of a 9-character organisation code (positions 9–17 of the credit code). */
function organisationCheck(first8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first8].reduce((s, c, i) => s + parseInt(c, 36) * weights[i], 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** 统一社会信用代码 for 宁晋县 (130528): `kind` 91 an enterprise, 92 an individual business (个体工商户). */
export function demoCreditCode(kind: '91' | '92', organisation8: string): string {
  const first17 = `${kind}130528${organisation8}${organisationCheck(organisation8)}`;
  return first17 + checkCharacter(first17)!;
}

const ENTERPRISES = [
  { key: 'cable', name: '宁晋县鑫达电线电缆有限公司', code: demoCreditCode('91', 'MA0CK7R4') },
  { key: 'restaurant', name: '宁晋县河渠镇李记家常菜馆', code: demoCreditCode('92', 'MA0DL3W8') },
  { key: 'netCafe', name: '宁晋县极速空间网络会所有限公司', code: demoCreditCode('91', 'MA0E6T2N') },
  { key: 'builder', name: '宁晋县福源建筑工程有限公司', code: demoCreditCode('91', 'MA0B9H5Q') },
  { key: 'food', name: '宁晋县华宇食品有限公司', code: demoCreditCode('91', 'MA0F2P6U') },
  { key: 'garment', name: '宁晋县金鼎服装有限公司', code: demoCreditCode('91', 'MA0A8X3C') },
] as const;
type EnterpriseKey = (typeof ENTERPRISES)[number]['key'];

interface ItemPlan {
  key: string;
  name: string;
  legalBasis: string;
  enforcementItem: string;
  content: string;
  /** Inspections planned for the year (the annual plan). */
  planned: number;
}

/** Each agency's published list (清单之外无检查): what it may inspect, and on which legal basis. */
const ITEMS: Record<AgencyKey, ItemPlan[]> = {
  planning: [
    {
      key: 'planningPermit',
      name: '建设工程规划许可证执行情况检查',
      legalBasis: '《中华人民共和国城乡规划法》第五十三条',
      enforcementItem: '对城乡规划实施情况的监督检查',
      content: '核查建设工程是否按照建设工程规划许可证及其附图、附件确定的内容建设',
      planned: 24,
    },
    {
      key: 'planningConditions',
      name: '建设工程规划条件核实',
      legalBasis: '《中华人民共和国城乡规划法》第四十五条、第五十三条',
      enforcementItem: '对城乡规划实施情况的监督检查',
      content: '竣工前核实建设工程是否符合规划条件：建筑退线、层数、容积率、绿地率',
      planned: 12,
    },
  ],
  justice: [
    {
      key: 'lawFirms',
      name: '律师事务所执业活动检查',
      legalBasis: '《中华人民共和国律师法》第四条',
      enforcementItem: '对律师事务所执业活动的监督',
      content: '执业许可、收费公示、利益冲突审查和档案管理',
      planned: 6,
    },
  ],
  cultureTourism: [
    {
      key: 'netCafes',
      name: '互联网上网服务营业场所经营活动检查',
      legalBasis: '《互联网上网服务营业场所管理条例》第四条',
      enforcementItem: '文化市场综合行政执法：互联网上网服务营业场所',
      content: '核验上网消费者身份证件、登记上网信息，禁止接纳未成年人，营业时间',
      planned: 20,
    },
    {
      key: 'entertainment',
      name: '娱乐场所经营活动检查',
      legalBasis: '《娱乐场所管理条例》第四条',
      enforcementItem: '文化市场综合行政执法：娱乐场所',
      content: '娱乐经营许可证，曲目和节目内容，营业时间，安全通道',
      planned: 10,
    },
    {
      key: 'performances',
      name: '营业性演出活动检查',
      legalBasis: '《营业性演出管理条例》第五条',
      enforcementItem: '文化市场综合行政执法：营业性演出',
      content: '营业性演出许可，演出内容与报批一致，售票情况',
      planned: 6,
    },
    {
      key: 'travelAgencies',
      name: '旅行社经营活动检查',
      legalBasis: '《中华人民共和国旅游法》第八十三条',
      enforcementItem: '文化市场综合行政执法：旅游市场',
      content: '旅行社业务经营许可证、旅游合同、导游资格',
      planned: 4,
    },
  ],
  marketRegulation: [
    {
      key: 'food',
      name: '食品生产经营监督检查',
      legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      enforcementItem: '食品生产经营监督检查',
      content: '许可证照、从业人员健康证明、进货查验记录、食品贮存和加工场所卫生',
      planned: 60,
    },
    {
      key: 'specialEquipment',
      name: '特种设备使用单位监督检查',
      legalBasis: '《中华人民共和国特种设备安全法》第五十七条',
      enforcementItem: '特种设备安全监督检查',
      content: '使用登记、定期检验、安全管理人员和作业人员持证、维护保养记录',
      planned: 30,
    },
    {
      key: 'productQuality',
      name: '产品质量监督抽查',
      legalBasis: '《中华人民共和国产品质量法》第十五条',
      enforcementItem: '产品质量监督检查',
      content: '按国家标准抽样检验，核查生产记录和出厂检验报告',
      planned: 20,
    },
    {
      key: 'prices',
      name: '明码标价和价格行为检查',
      legalBasis: '《中华人民共和国价格法》第三十三条',
      enforcementItem: '价格监督检查',
      content: '明码标价、收费公示、价格欺诈',
      planned: 15,
    },
  ],
  township: [
    {
      key: 'villageBuilding',
      name: '乡村建设规划许可执行情况检查',
      legalBasis: '《中华人民共和国城乡规划法》第六十五条；《中华人民共和国行政处罚法》第二十四条',
      enforcementItem: '乡镇综合行政执法：乡村建设规划',
      content: '乡、村庄规划区内建设是否取得乡村建设规划许可证并按许可建设',
      planned: 12,
    },
    {
      key: 'cookingFumes',
      name: '餐饮服务油烟排放检查',
      legalBasis: '《中华人民共和国大气污染防治法》第八十一条；《中华人民共和国行政处罚法》第二十四条',
      enforcementItem: '乡镇综合行政执法：餐饮油烟',
      content: '油烟净化设施的安装和正常使用，油烟达标排放',
      planned: 8,
    },
  ],
};

const REGISTER = `mutation($i: EnterpriseInput!) { registerEnterprise(input: $i) { id creditCode name } }`;
const ADD_ITEM = `mutation($a: ID!, $i: InspectionItemInput!) { addInspectionItem(agencyId: $a, input: $i) { id } }`;
const SET_PLAN = `mutation($a: ID!, $y: Int!, $l: [PlanLineInput!]!) {
  setInspectionPlan(agencyId: $a, year: $y, lines: $l) { year } }`;
const SET_CAPS = `mutation($r: String!, $c: InspectionCapsInput!) {
  setInspectionCaps(region: $r, caps: $c) { perDay } }`;
const PLAN = `mutation($i: PlanInspectionInput!) { planInspection(input: $i) { id status targets { code } } }`;
const APPROVE = `mutation($id: ID!) { approveInspection(id: $id) { id status } }`;
const START = `mutation($id: ID!, $c: ID!) { startInspection(id: $id, recordsCaseId: $c) { id status } }`;
const FINISH = `mutation($id: ID!, $o: InspectionOutcome!, $n: String, $c: ID) {
  finishInspection(id: $id, outcome: $o, note: $n, caseId: $c) { id status } }`;
const RATE = `mutation($c: String!, $s: Int!, $m: String) {
  rateInspection(code: $c, score: $s, comment: $m) { score } }`;
const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id filedAt } }`;
const APPEND = `mutation($i: AppendRecordInput!) { appendRecord(input: $i) { stage } }`;

/**
 * The county's caps: two visits a day to one enterprise (all agencies), three a week, four a month, two routine
 * visits per agency a year. Two a day lets two agencies' routine visits land on one day (which the bureau then
 * finds should have been joint); a third visit that day breaks the cap.
 */
const CAPS = { perDay: 2, perWeek: 3, perMonth: 4, routinePerAgencyYear: 2 };

export async function seedInspections(
  as: GqlAs,
  personnel: SeededPersonnel,
  upload: SeedUpload,
  today = shanghaiDate(),
): Promise<SeededInspections> {
  const year = today.slice(0, 4);
  const out: SeededInspections = { enterprises: [], items: {}, inspections: [] };
  const agency = (key: AgencyKey) => personnel.agencies[key];
  const validCredential = new Set(personnel.credentials.filter((c) => c.state === 'VALID').map((c) => c.officerId));
  const inspectors = (key: AgencyKey): SeededOfficer[] =>
    personnel.officers.filter((o) => o.agencyKey === key && o.role === 'ENFORCEMENT' && validCredential.has(o.id));
  // The second inspector plans and carries out the visits; the head (deputy, first of each agency) approves.
  const officer = (key: AgencyKey): TokenClaims => {
    const o = inspectors(key)[1];
    if (!o) throw new Error(`seed inspections: ${key} needs officers with valid credentials`);
    return { role: Role.OFFICER, sub: o.id, agencyId: o.agencyId };
  };
  const head = (key: AgencyKey): TokenClaims => {
    const o = personnel.officers.find((x) => x.agencyKey === key)!;
    return { role: Role.AGENCY_HEAD, sub: o.id, agencyId: o.agencyId };
  };
  const team = (key: AgencyKey) => [inspectors(key)[1].id, inspectors(key)[2].id];

  // Market regulation's officers register the enterprises they meet; the code's check character is verified.
  const enterprise: Partial<Record<EnterpriseKey, string>> = {};
  for (const e of ENTERPRISES) {
    const r = await as(officer('marketRegulation'), REGISTER, {
      i: { creditCode: e.code, name: e.name, region: REGION },
    });
    enterprise[e.key] = r.registerEnterprise.id;
    out.enterprises.push({ key: e.key, id: r.registerEnterprise.id, creditCode: e.code, name: e.name });
  }
  const ent = (key: EnterpriseKey) => enterprise[key]!;

  for (const [key, items] of Object.entries(ITEMS) as [AgencyKey, ItemPlan[]][]) {
    const a = agency(key);
    for (const it of items) {
      const input = {
        name: it.name,
        legalBasis: it.legalBasis,
        enforcementItem: it.enforcementItem,
        content: it.content,
      };
      out.items[it.key] = (await as(head(key), ADD_ITEM, { a: a.id, i: input })).addInspectionItem.id;
    }
    await as(head(key), SET_PLAN, {
      a: a.id,
      y: Number(year),
      l: items.map((it) => ({ itemId: out.items[it.key], planned: it.planned })),
    });
  }
  await as({ role: Role.SUPERVISOR, sub: 'seed-supervisor', region: REGION }, SET_CAPS, { r: REGION, c: CAPS });

  /** The visit's full-process records: an INSPECTION case of the lead agency, with the on-site record. */
  const recordsCase = async (key: AgencyKey, caseNumber: string, cause: string, party: EnterpriseKey) => {
    const me = officer(key);
    const handlers = team(key);
    const file = async (name: string, documentType: string | null, mediaType: string) => ({
      kind: documentType ? 'TEXT_DOCUMENT' : 'VIDEO',
      name,
      documentType,
      fullProcess: false,
      ...(await upload(me, `${caseNumber} ${name}`, mediaType)),
    });
    const e = ENTERPRISES.find((x) => x.key === party)!;
    const { openCase } = await as(me, OPEN, {
      i: {
        caseNumber,
        category: 'INSPECTION',
        cause,
        party: { type: 'ORGANIZATION', name: e.name, idNumber: e.code },
        handlerIds: handlers,
        attachments: [await file('行政检查审批表.pdf', '行政检查审批表', 'application/pdf')],
      },
    });
    // A fixed time after the filing: the same arguments when a resumed seed sends the call again.
    await as(me, APPEND, {
      i: {
        caseId: openCase.id,
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        occurredAt: new Date(new Date(openCase.filedAt).getTime() + 1000).toISOString(),
        officerIds: handlers,
        summary: `${e.name}：${cause}，出示执法证件和检查码，现场检查`,
        attachments: [
          await file('执法记录仪视频.mp4', null, 'video/mp4'),
          await file('现场检查笔录.pdf', '现场检查笔录', 'application/pdf'),
        ],
        affectsLibertyOrProperty: false,
      },
    });
    return openCase.id as string;
  };

  interface Visit {
    key: string;
    agency: AgencyKey;
    kind: 'ROUTINE' | 'TARGETED' | 'JOINT';
    urgent?: boolean;
    reason: string;
    enterprises: EnterpriseKey[];
    items: string[];
    officerIds?: string[];
    partners?: AgencyKey[];
    from?: string;
  }
  const plan = async (v: Visit) => {
    const from = v.from ?? today;
    const r = await as(officer(v.agency), PLAN, {
      i: {
        kind: v.kind,
        urgent: v.urgent ?? false,
        reason: v.reason,
        enterpriseIds: v.enterprises.map(ent),
        itemIds: v.items.map((k) => out.items[k]),
        officerIds: v.officerIds ?? team(v.agency),
        partnerAgencyIds: (v.partners ?? []).map((k) => agency(k).id),
        validFrom: from,
        validUntil: addCalendarDays(from, 7),
      },
    });
    const seeded = {
      key: v.key,
      id: r.planInspection.id as string,
      agencyKey: v.agency,
      status: r.planInspection.status as string,
      codes: r.planInspection.targets.map((t: { code: string }) => t.code) as string[],
    };
    out.inspections.push(seeded);
    return seeded;
  };
  const approve = async (i: SeededInspections['inspections'][number]) =>
    (i.status = (await as(head(i.agencyKey), APPROVE, { id: i.id })).approveInspection.status);
  const start = async (i: SeededInspections['inspections'][number], caseId: string) =>
    (i.status = (await as(officer(i.agencyKey), START, { id: i.id, c: caseId })).startInspection.status);
  const finish = async (
    i: SeededInspections['inspections'][number],
    outcome: string,
    note: string,
    caseId: string | null = null,
  ) =>
    (i.status = (
      await as(officer(i.agencyKey), FINISH, { id: i.id, o: outcome, n: note, c: caseId })
    ).finishInspection.status);
  // The enterprise rates with the code it was shown: no token.
  const rate = (code: string, score: number, comment: string) => as(null, RATE, { c: code, s: score, m: comment });

  // 1. Planning's 双随机 visit to the cable maker's new workshop: no problem found.
  const planningVisit = await plan({
    key: 'planningRoutine',
    agency: 'planning',
    kind: 'ROUTINE',
    reason: `${year}年度“双随机、一公开”抽查：建设工程规划许可执行情况`,
    enterprises: ['cable'],
    items: ['planningPermit'],
  });
  await approve(planningVisit);
  await start(
    planningVisit,
    await recordsCase('planning', `宁规检〔${year}〕11号`, '建设工程规划许可证执行情况检查', 'cable'),
  );
  await finish(planningVisit, 'NO_PROBLEM', '新建二号车间按规划许可建设，未发现问题');

  // 2. The same day market regulation comes separately (多头检查), orders rectification, and is rated 2.
  const marketVisit = await plan({
    key: 'marketRoutine',
    agency: 'marketRegulation',
    kind: 'ROUTINE',
    reason: `${year}年度特种设备安全监督检查计划`,
    enterprises: ['cable'],
    items: ['specialEquipment'],
  });
  await approve(marketVisit);
  await start(
    marketVisit,
    await recordsCase('marketRegulation', `宁市监检〔${year}〕11号`, '特种设备使用单位监督检查', 'cable'),
  );
  await finish(
    marketVisit,
    'RECTIFICATION_ORDERED',
    '两台桥式起重机超过定期检验周期未申报检验，责令十五日内申报定期检验，检验合格前停止使用',
  );
  await rate(marketVisit.codes[0], 2, '同一天接待两拨检查，生产线停了半天，希望各部门一起来');

  // 3. A complaint about substandard cable: an urgent sampling visit, a third that day (over the cap), approved
  //    afterwards (补办) and ending in a penalty case.
  const urgent = await plan({
    key: 'marketUrgent',
    agency: 'marketRegulation',
    kind: 'TARGETED',
    urgent: true,
    reason: '12315投诉举报：该公司销售的电线导体电阻不合格，需当场抽样封存',
    enterprises: ['cable'],
    items: ['productQuality'],
  });
  await start(
    urgent,
    await recordsCase('marketRegulation', `宁市监检〔${year}〕12号`, '电线电缆产品质量监督抽查（投诉举报）', 'cable'),
  );
  await approve(urgent);
  const cable = ENTERPRISES.find((e) => e.key === 'cable')!;
  const penalty = await as(officer('marketRegulation'), OPEN, {
    i: {
      caseNumber: `宁市监罚〔${year}〕11号`,
      category: 'PENALTY',
      cause: '生产不符合保障人体健康和人身、财产安全的国家标准的电线电缆',
      party: { type: 'ORGANIZATION', name: cable.name, idNumber: cable.code, address: '宁晋县电缆产业园区' },
      amountInvolved: '86000.00',
      handlerIds: team('marketRegulation'),
      attachments: [
        {
          kind: 'TEXT_DOCUMENT',
          name: '立案审批表.pdf',
          documentType: '立案审批表',
          fullProcess: false,
          ...(await upload(officer('marketRegulation'), `宁市监罚〔${year}〕11号 立案审批表`, 'application/pdf')),
        },
      ],
    },
  });
  await finish(urgent, 'CASE_OPENED', '抽样检验导体电阻不符合GB/T 3956，立案查处', penalty.openCase.id);

  // 4. 综合查一次: market regulation and the township check a restaurant in one visit; the owner rates it 5.
  const joint = await plan({
    key: 'joint',
    agency: 'marketRegulation',
    kind: 'JOINT',
    reason: '餐饮服务单位联合检查（食品安全、油烟排放），一次入户',
    enterprises: ['restaurant'],
    items: ['food', 'cookingFumes'],
    partners: ['township'],
    officerIds: [team('marketRegulation')[0], team('township')[0]],
  });
  await approve(joint);
  await start(
    joint,
    await recordsCase(
      'marketRegulation',
      `宁市监检〔${year}〕13号`,
      '餐饮服务食品安全和油烟排放联合检查',
      'restaurant',
    ),
  );
  await finish(joint, 'NO_PROBLEM', '证照齐全，从业人员健康证明有效，油烟净化设施正常运行');
  await rate(joint.codes[0], 5, '两个部门一次查完，不耽误营业');

  // 5. Culture's 双随机 visit to an internet café, approved for next week; 6. planning's, not yet approved.
  const culture = await plan({
    key: 'cultureApproved',
    agency: 'cultureTourism',
    kind: 'ROUTINE',
    reason: `${year}年度文化市场“双随机”抽查`,
    enterprises: ['netCafe'],
    items: ['netCafes'],
    from: addCalendarDays(today, 7),
  });
  await approve(culture);
  await plan({
    key: 'planningPlanned',
    agency: 'planning',
    kind: 'ROUTINE',
    reason: `${year}年度“双随机、一公开”抽查：竣工规划条件核实`,
    enterprises: ['builder'],
    items: ['planningConditions'],
  });
  return out;
}
