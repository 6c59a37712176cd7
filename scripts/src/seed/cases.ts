import { createHash } from 'node:crypto';

import { addCalendarDays, Role, shanghaiDate, type TokenClaims, WorkingCalendar } from '@tsp/shared';

import type { SeedUpload } from './index.js';
import type { AgencyKey, SeededOfficer, SeededPersonnel } from './personnel.js';

/**
 * Demo enforcement cases (执法全过程记录) for 宁晋县, recorded through the GraphQL API as each agency's
 * officers would: penalty, licensing, inspection and coercion cases at every stage, with their
 * entries and attachments, each penalty decided after its prior notice and the party's defence or waiver and
 * naming its discretion benchmark, and one penalty case waiting for the hearing the party asked for (short texts standing for the files, which the officers upload first), some
 * archived; plus one legacy penalty case imported by an ADMIN, filed 120 days ago and still undecided, acted on by an
 * officer whose credential is suspended and with only photos of an on-site inspection — so the
 * supervisor sees CASE_OVERDUE, AUDIO_VISUAL_MISSING and ACTION_WITHOUT_VALID_CREDENTIAL at once.
 * All parties are fictional.
 */
export type SeedAs = (claims: TokenClaims, query: string, variables?: Record<string, unknown>) => Promise<any>;

export interface SeededCases {
  cases: { id: string; caseNumber: string; agencyKey: AgencyKey; category: string; stage: string; legacy: boolean }[];
}

type Kind = 'TEXT_DOCUMENT' | 'AUDIO' | 'VIDEO' | 'PHOTO';
interface Att {
  kind: Kind;
  name: string;
  documentType?: string;
  fullProcess?: boolean;
}
interface Step {
  stage: string;
  activity: string;
  summary: string;
  attachments?: Att[];
  solo?: boolean;
  affects?: boolean;
}
interface Decision {
  outcome: string;
  penaltyKinds: string[];
  fineAmount?: string;
  confiscationAmount?: string;
  legalBasis: string;
  facts: string;
  conclusion: string;
  attachments?: Att[];
  /** 裁量基准 The item whose published benchmark the decision applies, and the tier. */
  discretion?: { item: string; tier: string };
}
/** 事先告知 What the prior notice announces (a penalty decision's terms unless given) and whether it offers a hearing. */
interface Notice {
  hearingOffered: boolean;
  terms?: Pick<Decision, 'penaltyKinds' | 'fineAmount' | 'confiscationAmount' | 'facts' | 'legalBasis'>;
}
interface Party {
  type: 'NATURAL_PERSON' | 'ORGANIZATION';
  name: string;
  idNumber: string;
  phone?: string;
  address?: string;
  isMinor?: boolean;
}
interface CasePlan {
  agency: AgencyKey;
  number: (year: string) => string;
  category: string;
  cause: string;
  party: Party;
  amountInvolved?: string;
  before?: Step[];
  notice?: Notice;
  /** 陈述申辩、听证 What the party did after the notice (EXAMINATION entries). */
  defence?: Step[];
  decision?: Decision;
  after?: Step[];
  archive?: boolean;
}

const MEDIA: Record<Kind, string> = {
  TEXT_DOCUMENT: 'application/pdf',
  AUDIO: 'audio/mpeg',
  VIDEO: 'video/mp4',
  PHOTO: 'image/jpeg',
};
const SIZE: Record<Kind, number> = { TEXT_DOCUMENT: 48_128, AUDIO: 6_291_456, VIDEO: 157_286_400, PHOTO: 3_145_728 };
const doc = (documentType: string): Att => ({ kind: 'TEXT_DOCUMENT', name: `${documentType}.pdf`, documentType });
const video = (name = '执法记录仪视频.mp4', fullProcess = false): Att => ({ kind: 'VIDEO', name, fullProcess });
const photo = (name = '现场照片.jpg'): Att => ({ kind: 'PHOTO', name });

const WAIVER = (summary = '当事人书面表示放弃陈述、申辩和听证权利'): Step => ({
  stage: 'EXAMINATION',
  activity: 'WAIVER',
  summary,
  attachments: [doc('放弃陈述申辩和听证声明')],
  solo: true,
});

const PENALTY_TAIL = (served: string): Step[] => [
  { stage: 'SERVICE', activity: 'SERVICE', summary: served, attachments: [doc('送达回证')] },
  {
    stage: 'EXECUTION',
    activity: 'EXECUTION',
    summary: '当事人已在十五日内到指定银行缴纳罚款',
    attachments: [doc('罚款缴纳凭证')],
    solo: true,
  },
];

const PLANS: CasePlan[] = [
  {
    agency: 'planning',
    number: (y) => `宁规罚〔${y}〕1号`,
    category: 'PENALTY',
    cause: '未取得建设工程规划许可证进行建设',
    party: {
      type: 'NATURAL_PERSON',
      name: '王建军',
      idNumber: '130528197803152316',
      phone: '13933100001',
      address: '宁晋县凤凰镇东马庄村',
    },
    amountInvolved: '60000.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '现场检查：当事人在东马庄村未取得建设工程规划许可证建设二层砖混结构房屋一栋，已完成主体',
        attachments: [video(), photo(), doc('现场检查笔录')],
      },
      {
        stage: 'INVESTIGATION',
        activity: 'DOCUMENT',
        summary: '询问当事人王建军，制作询问笔录',
        attachments: [doc('调查笔录'), { kind: 'AUDIO', name: '询问录音.mp3' }],
      },
      {
        stage: 'EVIDENCE',
        activity: 'EVIDENCE_COLLECTION',
        summary: '现场测量，建筑面积 186 平方米，调取土地使用证复印件',
        attachments: [video(), photo('测量照片.jpg'), doc('勘验笔录')],
      },
    ],
    notice: { hearingOffered: false },
    defence: [WAIVER()],
    decision: {
      outcome: '处罚',
      penaltyKinds: ['FINE'],
      fineAmount: '3000.00',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts:
        '当事人未取得建设工程规划许可证，在宁晋县凤凰镇东马庄村建设二层砖混结构房屋，建筑面积186平方米，尚可采取改正措施消除对规划实施的影响',
      conclusion: '责令限期补办规划许可手续，并处建设工程造价百分之五的罚款计人民币叁仟元整',
      attachments: [doc('处罚决定书')],
      discretion: { item: '对未取得建设工程规划许可证进行建设的处罚', tier: 'LENIENT' },
    },
    after: PENALTY_TAIL('直接送达行政处罚决定书，当事人签收'),
    archive: true,
  },
  {
    agency: 'planning',
    number: (y) => `宁规罚〔${y}〕2号`,
    category: 'PENALTY',
    cause: '未按照建设工程规划许可证的规定进行建设',
    party: {
      type: 'ORGANIZATION',
      name: '宁晋县华庭置业有限公司',
      idNumber: '91130528MA07XK2L3P',
      phone: '0319-5821100',
      address: '宁晋县凤凰路88号',
    },
    amountInvolved: '1200000.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '现场检查：华庭小区 5# 楼超出规划许可层数一层',
        attachments: [video(), photo()],
      },
      {
        stage: 'EVIDENCE',
        activity: 'EVIDENCE_PRESERVATION',
        summary: '对施工图纸、施工日志先行登记保存',
        attachments: [video(), doc('先行登记保存证据通知书')],
      },
    ],
  },
  {
    agency: 'planning',
    number: (y) => `宁规检〔${y}〕1号`,
    category: 'INSPECTION',
    cause: '建设工程规划条件核实现场检查',
    party: { type: 'ORGANIZATION', name: '宁晋县城建投资有限公司', idNumber: '91130528MA0CT1Q88R' },
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'RANDOM_INSPECTION',
        summary: '“双随机”抽查：城北安置小区规划条件核实，建筑退线符合要求，绿地率不足',
        attachments: [video(), doc('现场检查笔录')],
      },
    ],
    decision: {
      outcome: '责令限期改正',
      penaltyKinds: [],
      legalBasis: '《中华人民共和国城乡规划法》第四十五条',
      facts: '城北安置小区绿地率29%，低于规划条件要求的30%',
      conclusion: '责令于三十日内按规划条件补足绿地',
      attachments: [doc('检查结果告知书')],
    },
    archive: true,
  },
  {
    agency: 'cultureTourism',
    number: (y) => `宁文旅罚〔${y}〕1号`,
    category: 'PENALTY',
    cause: '未经许可从事营业性演出',
    party: {
      type: 'ORGANIZATION',
      name: '宁晋县星光文化传媒有限公司',
      idNumber: '91130528MA0D5R7E1W',
      phone: '0319-5866021',
      address: '宁晋县新华路16号',
    },
    amountInvolved: '30000.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '现场检查：当事人在县城某酒店宴会厅组织营业性演出，未能出示营业性演出许可证',
        attachments: [video(), photo(), doc('现场检查笔录')],
      },
      {
        stage: 'INVESTIGATION',
        activity: 'DOCUMENT',
        summary: '询问公司负责人，制作询问笔录',
        attachments: [doc('调查笔录')],
      },
      {
        stage: 'EVIDENCE',
        activity: 'EVIDENCE_COLLECTION',
        summary: '调取售票记录与演出合同，违法所得人民币八千元',
        attachments: [video(), doc('证据材料清单')],
      },
    ],
    notice: { hearingOffered: true },
    defence: [
      {
        stage: 'EXAMINATION',
        activity: 'STATEMENT',
        summary: '当事人书面陈述申辩：系首次举办，已主动停止演出并退还部分票款，请求减轻处罚',
        attachments: [doc('陈述申辩书')],
        solo: true,
      },
      WAIVER('当事人书面表示不要求听证，不再补充陈述申辩'),
    ],
    decision: {
      outcome: '处罚',
      penaltyKinds: ['CONFISCATION', 'FINE'],
      fineAmount: '40000.00',
      confiscationAmount: '8000.00',
      legalBasis: '《营业性演出管理条例》第四十三条',
      facts: '当事人未取得营业性演出许可证，于宴会厅组织营业性演出两场，售票收入八千元',
      conclusion: '没收违法所得人民币捌仟元，并处罚款人民币肆万元',
      attachments: [doc('处罚决定书')],
      discretion: { item: '对未经批准擅自举办营业性演出的处罚', tier: 'MITIGATED' },
    },
    after: PENALTY_TAIL('邮寄送达行政处罚决定书'),
    archive: true,
  },
  {
    agency: 'cultureTourism',
    number: (y) => `宁文旅罚〔${y}〕2号`,
    category: 'PENALTY',
    cause: '互联网上网服务营业场所接纳未成年人',
    party: {
      type: 'NATURAL_PERSON',
      name: '李海涛',
      idNumber: '130528198511203415',
      phone: '13833199002',
      address: '宁晋县贾家口镇',
    },
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '夜间检查：网吧内发现两名未成年人上网，未核验身份证件',
        attachments: [video(), photo()],
      },
    ],
  },
  {
    agency: 'cultureTourism',
    number: (y) => `宁文旅许〔${y}〕1号`,
    category: 'LICENSING',
    cause: '营业性演出许可申请（文艺表演团体设立）',
    party: { type: 'ORGANIZATION', name: '宁晋县梨园春艺术团有限公司', idNumber: '91130528MA0E2K9T6Y' },
    before: [
      {
        stage: 'FILING',
        activity: 'ACCEPTANCE',
        summary: '受理：申请材料齐全、符合法定形式，予以受理',
        attachments: [doc('受理通知书')],
        solo: true,
      },
      {
        stage: 'EXAMINATION',
        activity: 'DOCUMENT',
        summary: '审查申请材料',
        attachments: [doc('申请材料')],
        solo: true,
      },
    ],
    decision: {
      outcome: '准予许可',
      penaltyKinds: [],
      legalBasis: '《营业性演出管理条例》第六条',
      facts: '申请人具备与其业务相适应的专职演员和器材设备',
      conclusion: '准予设立，核发营业性演出许可证',
      attachments: [doc('许可决定书')],
    },
    after: [
      {
        stage: 'SERVICE',
        activity: 'SERVICE',
        summary: '申请人现场领取许可证及决定书',
        attachments: [doc('送达回证')],
        solo: true,
      },
    ],
    archive: true,
  },
  {
    agency: 'marketRegulation',
    number: (y) => `宁市监罚〔${y}〕1号`,
    category: 'PENALTY',
    cause: '销售不符合食品安全标准的食品',
    party: {
      type: 'NATURAL_PERSON',
      name: '张秀梅',
      idNumber: '130528197210082526',
      phone: '13703199003',
      address: '宁晋县河渠镇集贸市场',
    },
    amountInvolved: '1600.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '对当事人经营的熟食摊位开展检查并抽样',
        attachments: [video(), doc('现场检查笔录'), doc('抽样单')],
      },
      {
        stage: 'EVIDENCE',
        activity: 'EVIDENCE_COLLECTION',
        summary: '检验报告显示菌落总数超标，调取进货台账',
        attachments: [video(), doc('检验报告'), doc('调查笔录')],
      },
    ],
    notice: { hearingOffered: false },
    defence: [WAIVER('当事人书面表示放弃陈述申辩')],
    decision: {
      outcome: '处罚',
      penaltyKinds: ['CONFISCATION', 'FINE'],
      fineAmount: '5000.00',
      confiscationAmount: '800.00',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      facts: '当事人销售菌落总数不符合食品安全标准的熟肉制品，货值一千六百元，违法所得八百元',
      conclusion: '没收违法所得捌佰元，并处罚款伍仟元',
      attachments: [doc('处罚决定书')],
      discretion: { item: '对经营超过保质期食品的处罚', tier: 'MITIGATED' },
    },
  },
  {
    // A hearing pending: notice of a large fine, the party asked for a hearing and was told its day.
    agency: 'marketRegulation',
    number: (y) => `宁市监罚〔${y}〕2号`,
    category: 'PENALTY',
    cause: '经营超过保质期的食品',
    party: {
      type: 'NATURAL_PERSON',
      name: '孟庆华',
      idNumber: '130528197207084412',
      phone: '13603195566',
      address: '宁晋县四芝兰镇',
    },
    amountInvolved: '1800.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '现场检查：超市货架陈列超过保质期的袋装奶粉36袋，货值一千八百元',
        attachments: [video(), photo(), doc('现场检查笔录')],
      },
      {
        stage: 'EVIDENCE',
        activity: 'EVIDENCE_PRESERVATION',
        summary: '对超过保质期的奶粉先行登记保存',
        attachments: [video(), doc('先行登记保存证据通知书')],
      },
      {
        stage: 'EXAMINATION',
        activity: 'DOCUMENT',
        summary: '案件审查：事实清楚，拟按一般情形处罚',
        attachments: [doc('案件审查意见书')],
        solo: true,
      },
    ],
    notice: {
      hearingOffered: true,
      terms: {
        penaltyKinds: ['CONFISCATION', 'FINE'],
        fineAmount: '50000.00',
        confiscationAmount: '1800.00',
        facts: '当事人经营超过保质期的袋装奶粉36袋，货值金额一千八百元',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      },
    },
    defence: [
      {
        stage: 'EXAMINATION',
        activity: 'HEARING_REQUEST',
        summary: '当事人在告知后第二个工作日书面申请听证',
        attachments: [doc('听证申请书')],
        solo: true,
      },
      {
        stage: 'EXAMINATION',
        activity: 'HEARING_NOTICE',
        summary: '送达听证通知书：定于{hearingDay}上午九时在本局听证室举行听证，由法制科工作人员主持',
        attachments: [doc('听证通知书')],
        solo: true,
      },
    ],
  },
  {
    agency: 'marketRegulation',
    number: (y) => `宁市监强〔${y}〕1号`,
    category: 'COERCION',
    cause: '查封存在严重事故隐患的特种设备',
    party: { type: 'ORGANIZATION', name: '宁晋县鑫源电线电缆有限公司', idNumber: '91130528MA0A3B4C5D' },
    amountInvolved: '350000.00',
    before: [
      {
        stage: 'INVESTIGATION',
        activity: 'ON_SITE_INSPECTION',
        summary: '检查发现一台起重机械未经定期检验且制动器失效',
        attachments: [video(), photo()],
      },
      {
        stage: 'INVESTIGATION',
        activity: 'COERCIVE_MEASURE',
        summary: '依法对该起重机械实施查封，当场交付查封决定书和清单',
        attachments: [video('查封全过程录像.mp4', true), doc('查封决定书'), doc('现场笔录')],
        affects: true,
      },
    ],
  },
  {
    agency: 'township',
    number: (y) => `河渠罚〔${y}〕1号`,
    category: 'PENALTY',
    cause: '在乡、村庄规划区内未依法取得乡村建设规划许可证进行建设',
    party: {
      type: 'NATURAL_PERSON',
      name: '赵国强',
      idNumber: '130528196904213018',
      phone: '15032199004',
      address: '宁晋县河渠镇北鱼村',
    },
  },
];

const OPEN = `mutation($i: OpenCaseInput!) { openCase(input: $i) { id stage filedAt } }`;
const APPEND = `mutation($i: AppendRecordInput!) { appendRecord(input: $i) { stage } }`;
const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { stage } }`;
const NOTICE = `mutation($i: ServePriorNoticeInput!) { servePriorNotice(input: $i) { statementDueOn } }`;
const ARCHIVE = `mutation($i: ArchiveCaseInput!) { archiveCase(input: $i) { stage } }`;
const IMPORT = `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id stage } }`;

/** What stands in for the file: a line of text naming it (uploaded as the kind's media type). */
const fileText = (caseNumber: string, a: Att, n: number) => `${caseNumber} ${n} ${a.name}`;

/** An attachment the officer uploads first (live writes may cite only files their agency uploaded). */
async function uploaded(upload: SeedUpload, me: TokenClaims, caseNumber: string, a: Att, n: number) {
  const file = await upload(me, fileText(caseNumber, a, n), MEDIA[a.kind]);
  return {
    kind: a.kind,
    name: a.name,
    fullProcess: a.fullProcess ?? false,
    documentType: a.documentType ?? null,
    ...file,
  };
}

/** Attachment metadata of a legacy import: the old system's file, declared, never uploaded here. */
const attachment = (caseNumber: string, a: Att, n: number) => ({
  kind: a.kind,
  name: a.name,
  mediaType: MEDIA[a.kind],
  size: SIZE[a.kind] + n * 1024,
  fullProcess: a.fullProcess ?? false,
  documentType: a.documentType ?? null,
  sha256: createHash('sha256')
    .update(fileText(caseNumber, a, n))
    .digest('hex'),
});

/** Two enforcement officers of the agency whose credentials are valid today. */
function teamOf(personnel: SeededPersonnel, agency: AgencyKey): [SeededOfficer, SeededOfficer] {
  const valid = new Set(personnel.credentials.filter((c) => c.state === 'VALID').map((c) => c.officerId));
  const team = personnel.officers.filter((o) => o.agencyKey === agency && o.role === 'ENFORCEMENT' && valid.has(o.id));
  if (team.length < 2) throw new Error(`seed cases: ${agency} needs two officers with valid credentials`);
  return [team[1], team[2] ?? team[0]];
}

export async function seedCases(
  as: SeedAs,
  personnel: SeededPersonnel,
  upload: SeedUpload,
  today = shanghaiDate(),
  benchmarks: Record<string, string> = {},
): Promise<SeededCases> {
  const year = today.slice(0, 4);
  // 听证通知 at least 7 working days ahead of the hearing (行政处罚法 §64(二)).
  const hearingDay = new WorkingCalendar().addWorkingDays(today, 8);
  const out: SeededCases = { cases: [] };
  for (const plan of PLANS) {
    const [h1, h2] = teamOf(personnel, plan.agency);
    const me: TokenClaims = { role: Role.OFFICER, sub: h1.id, agencyId: h1.agencyId };
    const caseNumber = plan.number(year);
    let n = 0;
    const atts = (list: Att[] = []) => Promise.all(list.map((a) => uploaded(upload, me, caseNumber, a, ++n)));
    const firstDoc: Att = plan.category === 'LICENSING' ? doc('申请材料') : doc('立案审批表');
    const { openCase } = await as(me, OPEN, {
      i: {
        caseNumber,
        category: plan.category,
        cause: plan.cause,
        party: plan.party,
        amountInvolved: plan.amountInvolved ?? null,
        handlerIds: [h1.id, h2.id],
        attachments: await atts([firstDoc]),
      },
    });
    let stage: string = openCase.stage;
    // Each entry one second after the one before, from the filing: the same arguments when a resumed
    // seed sends the call again (its Idempotency-Key then replays it), and in the order they happened.
    let tick = 0;
    const at = () => new Date(new Date(openCase.filedAt).getTime() + ++tick * 1000).toISOString();
    const walk = async (steps: Step[] = []) => {
      for (const s of steps) {
        const r = await as(me, APPEND, {
          i: {
            caseId: openCase.id,
            stage: s.stage,
            activity: s.activity,
            occurredAt: at(),
            officerIds: s.solo ? [h1.id] : [h1.id, h2.id],
            summary: s.summary.replace('{hearingDay}', hearingDay),
            attachments: await atts(s.attachments),
            affectsLibertyOrProperty: s.affects ?? false,
          },
        });
        stage = r.appendRecord.stage;
      }
    };
    await walk(plan.before);
    if (plan.notice) {
      const terms = plan.notice.terms ?? plan.decision!;
      await as(me, NOTICE, {
        i: {
          caseId: openCase.id,
          penaltyKinds: terms.penaltyKinds,
          fineAmount: terms.fineAmount ?? null,
          confiscationAmount: terms.confiscationAmount ?? null,
          facts: terms.facts,
          legalBasis: terms.legalBasis,
          hearingOffered: plan.notice.hearingOffered,
          servedAt: at(),
          officerIds: [h1.id, h2.id],
          attachments: await atts([doc('行政处罚事先告知书')]),
        },
      });
      await walk(plan.defence);
    }
    if (plan.decision) {
      const { attachments, discretion, ...d } = plan.decision;
      // Decided the day of its entry, which follows the notice (never the day before it across midnight).
      const decidedAt = at();
      const r = await as(me, DECIDE, {
        i: {
          caseId: openCase.id,
          ...d,
          fineAmount: d.fineAmount ?? null,
          confiscationAmount: d.confiscationAmount ?? null,
          decidedOn: shanghaiDate(new Date(decidedAt)),
          occurredAt: decidedAt,
          officerIds: [h1.id, h2.id],
          attachments: await atts(attachments),
          // Named when the agency has published it (the rule asks for one only then).
          discretion:
            discretion && benchmarks[discretion.item]
              ? { benchmarkId: benchmarks[discretion.item], tier: discretion.tier }
              : null,
        },
      });
      stage = r.recordDecision.stage;
    }
    await walk(plan.after);
    if (plan.archive)
      stage = (
        await as(me, ARCHIVE, {
          i: { caseId: openCase.id, occurredAt: at(), officerIds: [h1.id], attachments: await atts([doc('卷内目录')]) },
        })
      ).archiveCase.stage;
    out.cases.push({
      id: openCase.id,
      caseNumber,
      agencyKey: plan.agency,
      category: plan.category,
      stage,
      legacy: false,
    });
  }
  out.cases.push(await seedLegacy(as, personnel, year, today));
  return out;
}

/** 历史案件 A penalty case from the old paper-and-spreadsheet system, filed 120 days ago and never decided. */
async function seedLegacy(
  as: SeedAs,
  personnel: SeededPersonnel,
  year: string,
  today: string,
): Promise<SeededCases['cases'][number]> {
  const agency = personnel.agencies.marketRegulation;
  const suspended = personnel.credentials.find((c) => c.state === 'SUSPENDED' && c.agencyCode === agency.code);
  const [h1] = teamOf(personnel, 'marketRegulation');
  const other = suspended ? suspended.officerId : teamOf(personnel, 'marketRegulation')[1].id;
  const caseNumber = `宁市监罚〔${year}〕9号`;
  const filed = addCalendarDays(today, -120);
  const at = (days: number, hour = '09:30') =>
    new Date(`${addCalendarDays(filed, days)}T${hour}:00+08:00`).toISOString();
  let n = 0;
  const atts = (list: Att[]) => list.map((a) => attachment(caseNumber, a, ++n));
  const { importLegacyCase } = await as({ role: Role.ADMIN, sub: 'seed-admin' }, IMPORT, {
    i: {
      agencyId: agency.id,
      caseNumber,
      category: 'PENALTY',
      cause: '生产经营超过保质期的食品',
      amountInvolved: '2400.00',
      handlerIds: [h1.id, other],
      filedAt: at(0),
      party: {
        type: 'ORGANIZATION',
        name: '宁晋县惠民超市有限公司',
        idNumber: '91130528MA0F8G9H1J',
        phone: '0319-5812233',
        address: '宁晋县长安路27号',
      },
      entries: [
        {
          stage: 'FILING',
          activity: 'FILING',
          occurredAt: at(0),
          officerIds: [h1.id, other],
          summary: '立案（历史系统导入）',
          attachments: atts([doc('立案审批表')]),
        },
        {
          stage: 'INVESTIGATION',
          activity: 'ON_SITE_INSPECTION',
          occurredAt: at(2),
          officerIds: [h1.id, other],
          summary: '现场检查：货架上发现超过保质期的乳制品 48 盒（仅留存照片）',
          attachments: atts([photo(), photo('货架照片.jpg')]),
        },
        {
          stage: 'INVESTIGATION',
          activity: 'DOCUMENT',
          occurredAt: at(5, '15:00'),
          officerIds: [h1.id],
          summary: '询问超市负责人，制作调查笔录',
          attachments: atts([doc('调查笔录')]),
        },
      ],
    },
  });
  return {
    id: importLegacyCase.id,
    caseNumber,
    agencyKey: 'marketRegulation',
    category: 'PENALTY',
    stage: importLegacyCase.stage,
    legacy: true,
  };
}
