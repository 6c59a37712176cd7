import { Role, type TokenClaims } from '@tsp/shared';

import type { AgencyKey } from './personnel.js';

/**
 * Demo ex-ante disclosure (事前公开) for the 宁晋县 agencies, written through the GraphQL API by each agency's
 * head, as the agency itself would: enforcement item lists with discretion benchmarks, random-inspection item
 * lists, service guides, body information and configured process steps. Legal references are real provisions; phone numbers and
 * addresses are fictional.
 */
export type SeedAs = (claims: TokenClaims, query: string, variables?: Record<string, unknown>) => Promise<any>;

interface Item {
  name: string;
  category: string;
  legalBasis: string;
}
interface Inspection {
  name: string;
  legalBasis: string;
  inspectedObjects: string;
  content: string;
  samplingRatio: string;
  method: string;
  frequency: string;
}
interface Guide {
  name: string;
  category: string;
  legalBasis: string;
  handlingUnit: string;
  object: string;
  applicationMaterials: string[];
  process: string;
  timeLimit: string;
  fees?: string;
}
interface Body {
  duties: string;
  powers: string;
  legalBasis: string;
}

interface AgencyPlan {
  items: Item[];
  inspections: Inspection[];
  guides: Guide[];
  body: Body;
  address: string;
  phone: string;
  steps?: { category: string; steps: { name: string; description: string; timeLimit: string }[] };
}

interface Benchmark {
  violation: string;
  legalBasis: string;
  tiers: { tier: string; circumstances: string; minFine?: string; maxFine?: string }[];
  minorExemption?: string;
  firstViolationExemption?: string;
}

/**
 * 行政处罚裁量基准 Demo benchmarks (国办发〔2022〕27号), by the name of the penalty item they belong to. Where the
 * law sets the fine as a share of a cost (城乡规划法 §64), the tiers give the shares and no yuan bounds.
 */
const BENCHMARKS: Record<string, Benchmark> = {
  对未取得建设工程规划许可证进行建设的处罚: {
    violation: '未取得建设工程规划许可证进行建设，尚可采取改正措施消除对规划实施的影响',
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    tiers: [
      { tier: 'LENIENT', circumstances: '主动停止建设、积极补办手续的，处建设工程造价5%以上6%以下罚款' },
      { tier: 'ORDINARY', circumstances: '一般情形，处建设工程造价6%以上8%以下罚款' },
      { tier: 'HEAVIER', circumstances: '经责令停止建设拒不停止的，处建设工程造价8%以上10%以下罚款' },
    ],
    minorExemption: '违法建设面积不超过10平方米，责令改正后及时改正，未造成危害后果',
  },
  对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处罚: {
    violation: '农村村民未经批准或者采取欺骗手段骗取批准，非法占用土地建住宅',
    legalBasis: '《中华人民共和国土地管理法》第七十八条',
    tiers: [
      {
        tier: 'LENIENT',
        circumstances: '符合乡镇土地利用总体规划且属一户一宅、可依法补办的，责令退还后依法补办用地手续',
      },
      { tier: 'ORDINARY', circumstances: '责令退还非法占用的土地，限期拆除在非法占用的土地上新建的房屋' },
      { tier: 'HEAVIER', circumstances: '占用永久基本农田或者拒不停止建设的，限期拆除并依法申请强制执行' },
    ],
  },
  对未经批准擅自举办营业性演出的处罚: {
    violation: '未经批准举办营业性演出，违法所得不足1万元',
    legalBasis: '《营业性演出管理条例》第四十三条、《中华人民共和国行政处罚法》第三十二条',
    tiers: [
      {
        tier: 'MITIGATED',
        circumstances: '主动消除或者减轻违法行为危害后果、配合查处的，减轻处罚',
        minFine: '10000',
        maxFine: '49999.99',
      },
      { tier: 'LENIENT', circumstances: '演出一场且主动停止演出', minFine: '50000', maxFine: '65000' },
      { tier: 'ORDINARY', circumstances: '一般情形', minFine: '65000.01', maxFine: '85000' },
      { tier: 'HEAVIER', circumstances: '演出三场以上或者造成恶劣社会影响', minFine: '85000.01', maxFine: '100000' },
    ],
  },
  对经营超过保质期食品的处罚: {
    violation: '经营超过保质期或者不符合食品安全标准的食品，货值金额不足1万元',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条、《中华人民共和国行政处罚法》第三十二条',
    tiers: [
      {
        tier: 'MITIGATED',
        circumstances: '主动召回、及时改正且积极配合查处的，减轻处罚',
        minFine: '5000',
        maxFine: '49999.99',
      },
      { tier: 'LENIENT', circumstances: '货值金额不足2000元', minFine: '50000', maxFine: '65000' },
      { tier: 'ORDINARY', circumstances: '一般情形', minFine: '65000.01', maxFine: '85000' },
      { tier: 'HEAVIER', circumstances: '造成食源性疾病或者拒不改正', minFine: '85000.01', maxFine: '100000' },
    ],
    minorExemption: '货值金额不足500元，及时改正，未造成危害后果',
    firstViolationExemption: '初次违法，货值金额不足2000元，危害后果轻微并及时改正',
  },
};

const SUPERVISION = '宁晋县司法局行政执法监督科（监督电话 0319-5000000）；宁晋县人民政府12345便民服务热线';
const REMEDY =
  '对行政行为不服的，可自知道之日起六十日内向宁晋县人民政府申请行政复议，或自知道之日起六个月内向有管辖权的人民法院提起行政诉讼';
const HOURS = '法定工作日 上午8:30-12:00，下午14:30-17:30（夏季15:00-18:00）';

const PLANS: Partial<Record<AgencyKey, AgencyPlan>> = {
  planning: {
    address: '宁晋县政务服务中心三楼城乡规划窗口',
    phone: '0319-5800101',
    body: {
      duties:
        '负责全县城乡规划的编制、实施和监督管理；核发建设项目选址意见书、建设用地规划许可证、建设工程规划许可证、乡村建设规划许可证；查处违反城乡规划的行为。',
      powers: '行政许可4项、行政处罚12项、行政强制2项、行政检查3项（详见行政执法事项清单）。',
      legalBasis: '《中华人民共和国城乡规划法》《河北省城乡规划条例》《建设项目选址规划管理办法》',
    },
    items: [
      {
        name: '对未取得建设工程规划许可证进行建设的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      },
      {
        name: '对未按照建设工程规划许可证的规定进行建设的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      },
      {
        name: '对未经批准进行临时建设或临时建筑物逾期不拆除的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国城乡规划法》第六十六条',
      },
      {
        name: '对建设单位竣工验收后六个月内未报送有关竣工验收资料的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国城乡规划法》第六十七条',
      },
      { name: '建设工程规划许可证核发', category: 'LICENSING', legalBasis: '《中华人民共和国城乡规划法》第四十条' },
      { name: '乡村建设规划许可证核发', category: 'LICENSING', legalBasis: '《中华人民共和国城乡规划法》第四十一条' },
      { name: '查封施工现场、强制拆除', category: 'COERCION', legalBasis: '《中华人民共和国城乡规划法》第六十八条' },
      {
        name: '对城乡规划实施情况的监督检查',
        category: 'INSPECTION',
        legalBasis: '《中华人民共和国城乡规划法》第五十一条、第五十三条',
      },
    ],
    inspections: [
      {
        name: '建设工程规划许可批后监管',
        legalBasis:
          '《中华人民共和国城乡规划法》第五十三条；《国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见》',
        inspectedObjects: '辖区内已取得建设工程规划许可证的在建项目',
        content: '是否按规划许可证核定的位置、面积、高度、用途进行建设',
        samplingRatio: '不低于在建项目总数的5%',
        method: '随机抽取检查对象、随机选派执法检查人员，现场核查',
        frequency: '每年不少于2次',
      },
    ],
    guides: [
      {
        name: '建设工程规划许可证核发',
        category: 'LICENSING',
        legalBasis: '《中华人民共和国城乡规划法》第四十条；《河北省城乡规划条例》第四十二条',
        handlingUnit: '规划管理股',
        object: '在城市、镇规划区内进行建筑物、构筑物、道路、管线和其他工程建设的单位或个人',
        applicationMaterials: [
          '建设工程规划许可证申请表',
          '使用土地的有关证明文件',
          '建设工程设计方案总平面图及电子文件',
          '法律、法规规定的其他材料',
        ],
        process: '申请—受理—审查（含现场踏勘、批前公示）—决定—送达',
        timeLimit: '法定20个工作日，承诺10个工作日',
      },
    ],
    steps: {
      category: 'PENALTY',
      steps: [
        { name: '立案', description: '巡查或举报发现违法建设，报局负责人批准立案', timeLimit: '7个工作日' },
        { name: '调查取证', description: '两名执法人员亮证执法，现场勘验、询问、拍照录像', timeLimit: '' },
        { name: '案件审查', description: '执法股审查事实、证据、适用依据', timeLimit: '' },
        { name: '法制审核', description: '重大执法决定由政策法规股审核', timeLimit: '5个工作日' },
        { name: '告知', description: '送达行政处罚告知书，告知陈述、申辩、听证权利', timeLimit: '' },
        { name: '决定', description: '局长办公会集体讨论，作出行政处罚决定', timeLimit: '立案之日起90日' },
        { name: '送达', description: '当场交付或7日内送达决定书', timeLimit: '7日' },
        { name: '执行与公示', description: '监督履行；决定7个工作日内公示', timeLimit: '7个工作日' },
        { name: '结案归档', description: '执行完毕后结案，案卷归档', timeLimit: '' },
      ],
    },
  },
  cultureTourism: {
    address: '宁晋县政务服务中心二楼文化旅游窗口',
    phone: '0319-5800202',
    body: {
      duties:
        '负责文化市场、旅游市场的行政审批和综合执法；对营业性演出、娱乐场所、互联网上网服务营业场所、旅行社等实施监督管理。',
      powers: '行政许可6项、行政处罚35项、行政检查5项（详见行政执法事项清单）。',
      legalBasis:
        '《营业性演出管理条例》《娱乐场所管理条例》《互联网上网服务营业场所管理条例》《中华人民共和国旅游法》',
    },
    items: [
      { name: '营业性演出许可', category: 'LICENSING', legalBasis: '《营业性演出管理条例》第六条、第十条' },
      { name: '娱乐场所从事娱乐场所经营活动审批', category: 'LICENSING', legalBasis: '《娱乐场所管理条例》第九条' },
      {
        name: '对未经批准擅自举办营业性演出的处罚',
        category: 'PENALTY',
        legalBasis: '《营业性演出管理条例》第四十三条',
      },
      {
        name: '对互联网上网服务营业场所接纳未成年人进入的处罚',
        category: 'PENALTY',
        legalBasis: '《互联网上网服务营业场所管理条例》第三十一条',
      },
      {
        name: '对旅行社未与旅游者签订旅游合同的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国旅游法》第一百条',
      },
      { name: '对文化市场经营场所的监督检查', category: 'INSPECTION', legalBasis: '《营业性演出管理条例》第三十五条' },
    ],
    inspections: [
      {
        name: '营业性演出活动监督检查',
        legalBasis: '《营业性演出管理条例》第三十五条',
        inspectedObjects: '辖区内营业性演出场所、演出经营主体',
        content: '演出许可情况、演出内容、安全措施、实名购票',
        samplingRatio: '5%',
        method: '双随机抽取、现场检查',
        frequency: '每年不少于1次',
      },
      {
        name: '互联网上网服务营业场所监督检查',
        legalBasis: '《互联网上网服务营业场所管理条例》第四条',
        inspectedObjects: '辖区内网吧',
        content: '是否接纳未成年人、是否核对登记上网消费者身份、营业时间',
        samplingRatio: '10%',
        method: '双随机抽取、现场检查与远程监控相结合',
        frequency: '每季度1次',
      },
    ],
    guides: [
      {
        name: '营业性演出许可',
        category: 'LICENSING',
        legalBasis: '《营业性演出管理条例》第六条；《营业性演出管理条例实施细则》第六条',
        handlingUnit: '行政审批股',
        object: '文艺表演团体、个体演员',
        applicationMaterials: [
          '营业性演出许可申请书',
          '法定代表人或主要负责人身份证明',
          '演出人员的职业资格证明或文艺表演能力证明',
          '与业务相适应的演出器材设备书面声明',
        ],
        process: '申请—受理—审查—决定—送达',
        timeLimit: '法定20日，承诺5个工作日',
      },
    ],
    steps: {
      category: 'LICENSING',
      steps: [
        { name: '申请', description: '申请人通过窗口或网上提交材料', timeLimit: '' },
        { name: '受理', description: '材料齐全当场受理，不齐全一次性告知', timeLimit: '当场' },
        { name: '审查', description: '行政审批股审查材料，必要时实地核查', timeLimit: '3个工作日' },
        { name: '决定', description: '作出准予或不予许可决定', timeLimit: '受理之日起20日' },
        { name: '送达与公示', description: '颁发许可证，7个工作日内公示许可信息', timeLimit: '7个工作日' },
      ],
    },
  },
  marketRegulation: {
    address: '宁晋县市场监督管理局一楼服务大厅',
    phone: '0319-5800303',
    body: {
      duties: '负责市场主体登记注册、食品安全、特种设备安全、产品质量、价格和计量等领域的监督管理和综合执法。',
      powers: '行政许可9项、行政处罚600余项、行政强制8项、行政检查20项（详见行政执法事项清单）。',
      legalBasis:
        '《中华人民共和国食品安全法》《中华人民共和国产品质量法》《中华人民共和国价格法》《市场监督管理行政处罚程序规定》',
    },
    items: [
      { name: '食品经营许可', category: 'LICENSING', legalBasis: '《中华人民共和国食品安全法》第三十五条' },
      {
        name: '对经营超过保质期食品的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      },
      {
        name: '对未取得食品经营许可从事食品经营活动的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国食品安全法》第一百二十二条',
      },
      {
        name: '查封、扣押不符合食品安全标准的食品',
        category: 'COERCION',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条',
      },
    ],
    inspections: [
      {
        name: '食品经营者监督检查',
        legalBasis: '《中华人民共和国食品安全法》第一百一十条；《食品生产经营监督检查管理办法》',
        inspectedObjects: '辖区内取得食品经营许可的经营者',
        content: '许可资质、进货查验记录、食品贮存条件、从业人员健康证明',
        samplingRatio: '3%',
        method: '国家企业信用信息公示系统随机抽取',
        frequency: '每年不少于1次',
      },
    ],
    guides: [
      {
        name: '食品经营许可',
        category: 'LICENSING',
        legalBasis: '《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》',
        handlingUnit: '行政审批股',
        object: '在本县从事食品销售和餐饮服务的经营者',
        applicationMaterials: [
          '食品经营许可申请书',
          '营业执照复印件',
          '与食品经营相适应的主要设备设施、经营布局、操作流程等文件',
          '食品安全自查、从业人员健康管理等制度',
        ],
        process: '申请—受理—审查（必要时现场核查）—决定—送达',
        timeLimit: '法定10个工作日',
        fees: '不收费',
      },
    ],
  },
  township: {
    address: '宁晋县河渠镇人民政府综合行政执法办公室',
    phone: '0319-5800404',
    body: {
      duties: '依法承接县级下放的行政执法事项，负责本镇范围内农村宅基地、乡村建设规划、环境卫生等领域的行政执法。',
      powers: '行政处罚28项、行政检查6项（详见行政执法事项清单）。',
      legalBasis: '《中华人民共和国土地管理法》《中华人民共和国城乡规划法》《河北省乡镇和街道综合行政执法条例》',
    },
    items: [
      {
        name: '对未依法取得乡村建设规划许可证进行建设的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国城乡规划法》第六十五条',
      },
      {
        name: '对农村村民未经批准或者采取欺骗手段骗取批准非法占用土地建住宅的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国土地管理法》第七十八条',
      },
    ],
    inspections: [],
    guides: [],
  },
};

const UPSERT_ITEM = `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`;
const UPSERT_BENCHMARK = `mutation($a: ID!, $i: DiscretionBenchmarkInput!) { upsertDiscretionBenchmark(agencyId: $a, input: $i) { id } }`;
const UPSERT_INSPECTION = `mutation($a: ID!, $i: RandomInspectionItemInput!) { upsertRandomInspectionItem(agencyId: $a, input: $i) { id } }`;
const UPSERT_GUIDE = `mutation($a: ID!, $i: ServiceGuideInput!) { upsertServiceGuide(agencyId: $a, input: $i) { id } }`;
const UPSERT_BODY = `mutation($a: ID!, $i: AgencyDisclosureInput!) { upsertAgencyDisclosure(agencyId: $a, input: $i) { version } }`;
const SET_STEPS = `mutation($a: ID!, $c: EnforcementCategory!, $s: [ProcessStepInput!]!) { setProcessSteps(agencyId: $a, category: $c, steps: $s) { version } }`;

export interface SeededDisclosure {
  enforcementItems: number;
  /** Benchmark ids by the name of their item. */
  benchmarks: Record<string, string>;
  randomInspectionItems: number;
  serviceGuides: number;
}

/** Writes each agency's ex-ante lists as that agency's head (the agency's own check before publication). */
export async function seedDisclosure(
  as: SeedAs,
  agencies: Record<AgencyKey, { id: string; name: string }>,
): Promise<SeededDisclosure> {
  const out: SeededDisclosure = { enforcementItems: 0, benchmarks: {}, randomInspectionItems: 0, serviceGuides: 0 };
  for (const [key, plan] of Object.entries(PLANS) as [AgencyKey, AgencyPlan][]) {
    const agency = agencies[key];
    if (!agency) continue;
    const head: TokenClaims = { role: Role.AGENCY_HEAD, sub: `seed-head-${key}`, agencyId: agency.id };
    const call = (q: string, v: Record<string, unknown>) => as(head, q, { a: agency.id, ...v });
    await call(UPSERT_BODY, {
      i: {
        ...plan.body,
        procedures: '按本机关公布的各类别执法流程图办理（见流程图）',
        supervisionChannels: SUPERVISION,
        remedyChannels: REMEDY,
      },
    });
    for (const item of plan.items) {
      const { upsertEnforcementItem } = await call(UPSERT_ITEM, { i: { ...item, responsibleBody: agency.name } });
      out.enforcementItems++;
      const benchmark = BENCHMARKS[item.name];
      if (benchmark)
        out.benchmarks[item.name] = (
          await call(UPSERT_BENCHMARK, { i: { ...benchmark, enforcementItemId: upsertEnforcementItem.id } })
        ).upsertDiscretionBenchmark.id;
    }
    for (const ins of plan.inspections) {
      await call(UPSERT_INSPECTION, { i: { ...ins, inspectingBody: agency.name } });
      out.randomInspectionItems++;
    }
    for (const g of plan.guides) {
      await call(UPSERT_GUIDE, {
        i: {
          fees: '不收费',
          accountability: '对违反规定办理的，依照《行政机关公务员处分条例》追究责任',
          ...g,
          body: agency.name,
          supervision: SUPERVISION,
          remedy: REMEDY,
          officeHours: HOURS,
          address: plan.address,
          phone: plan.phone,
        },
      });
      out.serviceGuides++;
    }
    if (plan.steps) await call(SET_STEPS, { c: plan.steps.category, s: plan.steps.steps });
  }
  return out;
}
