import { addCalendarDays, addCalendarMonths, shanghaiDate } from '@tsp/shared';

/**
 * Demo personnel data for 宁晋县 (administrative division code 130528), created through the
 * GraphQL API like an administrator would. All names, ID numbers and phone numbers are fictional.
 * Dates are relative to today, so "expiring within 30 days" and "last year's training" stay true.
 */

/** Posts a GraphQL operation with an ADMIN token; answers the response body or the data itself. */
export type SeedGql = (query: string, variables?: object) => Promise<any>;

export const REGION = '宁晋县';

/** Agency codes (division code + short name), stable so later seed steps can name agencies. */
export const AGENCY_CODES = {
  planning: '130528-GHJ',
  justice: '130528-SFJ',
  cultureTourism: '130528-WLJ',
  marketRegulation: '130528-SJJ',
  township: '130528-HQZ',
} as const;
export type AgencyKey = keyof typeof AGENCY_CODES;

export interface SeededOfficer {
  id: string;
  name: string;
  position: string;
  /** The officer's main duty: LEGAL_REVIEWER for the legal office, else ENFORCEMENT. */
  role: 'ENFORCEMENT' | 'LEGAL_REVIEWER';
  roles: string[];
  legalProfessionQualified: boolean;
  agencyId: string;
  agencyCode: string;
  agencyKey: AgencyKey;
  /** Numbers of the credentials issued to the officer (empty for reviewers without one). */
  credentialNumbers: string[];
}

export type CredentialState = 'VALID' | 'EXPIRING' | 'SUSPENDED' | 'EXPIRED';

export interface SeededCredential {
  number: string;
  officerId: string;
  agencyCode: string;
  state: CredentialState;
  issuedOn: string;
  expiresOn: string;
}

export interface SeededPersonnel {
  region: string;
  /** Agency id by agency code (AGENCY_CODES values). */
  agencyIds: Record<string, string>;
  /** Agency id by key (planning, justice, …). */
  agencies: Record<AgencyKey, { id: string; code: string; name: string }>;
  officers: SeededOfficer[];
  credentials: SeededCredential[];
}

type Duty = 'E' | 'R';
/** [name, position, duty, holds the legal professional qualification, credential state] */
type OfficerRow = [string, string, Duty, boolean?, CredentialState?];

interface AgencyPlan {
  key: AgencyKey;
  name: string;
  kind: string;
  isSupervisor: boolean;
  legalOfficeName: string;
  categories: string[];
  fields: string[];
  officers: OfficerRow[];
  /** Officers (by name) with no training last year: they show up as findings. */
  untrained: string[];
}

const PLANS: AgencyPlan[] = [
  {
    key: 'planning',
    name: '宁晋县城乡规划局',
    kind: 'PLANNING',
    isSupervisor: false,
    legalOfficeName: '政策法规股',
    categories: ['LICENSING', 'PENALTY', 'INSPECTION'],
    fields: ['城乡规划'],
    officers: [
      ['赵立新', '副局长', 'E'],
      ['孙国栋', '规划监察大队大队长', 'E'],
      ['刘晓峰', '规划监察大队队员', 'E', false, 'EXPIRING'],
      ['郭佳怡', '规划监察大队队员', 'E'],
      ['马振宇', '规划管理股股长', 'E'],
      ['韩雪梅', '规划管理股科员', 'E'],
      ['李淑芬', '政策法规股股长', 'R', true],
      ['高志远', '政策法规股科员', 'R', false],
    ],
    untrained: [],
  },
  {
    key: 'justice',
    name: '宁晋县司法局',
    kind: 'JUSTICE',
    isSupervisor: true,
    legalOfficeName: '法制股',
    categories: ['INSPECTION', 'OTHER'],
    fields: ['行政执法监督', '法律服务'],
    officers: [
      ['王建华', '副局长', 'E'],
      ['陈丽娟', '行政执法协调监督股股长', 'E'],
      ['杨帆', '行政执法协调监督股科员', 'E'],
      ['周海涛', '公共法律服务管理股股长', 'E'],
      ['冯雅琴', '行政执法协调监督股科员', 'E'],
      ['吴桂英', '法制股股长', 'R', true],
      ['郑伟', '法制股科员', 'R', true],
    ],
    untrained: [],
  },
  {
    key: 'cultureTourism',
    name: '宁晋县文化和旅游局',
    kind: 'CULTURE_TOURISM',
    isSupervisor: false,
    legalOfficeName: '法制股',
    categories: ['LICENSING', 'PENALTY', 'INSPECTION'],
    fields: ['文化市场', '旅游市场'],
    officers: [
      ['许文博', '副局长', 'E'],
      ['何建军', '文化市场综合执法大队大队长', 'E'],
      ['吕明辉', '文化市场综合执法大队副大队长', 'E'],
      ['曹婷婷', '文化市场综合执法大队队员', 'E'],
      ['彭亮', '文化市场综合执法大队队员', 'E', false, 'EXPIRED'],
      ['董秀兰', '文化市场综合执法大队队员', 'E'],
      ['袁浩然', '旅游市场管理股股长', 'E'],
      ['邓思远', '法制股股长', 'R', true],
      ['田静', '法制股科员', 'R', false],
    ],
    untrained: ['董秀兰'],
  },
  {
    // Deliberately below the 5% rule: 21 enforcement officers need 2 reviewers, it has 1.
    key: 'marketRegulation',
    name: '宁晋县市场监督管理局',
    kind: 'MARKET_REGULATION',
    isSupervisor: false,
    legalOfficeName: '政策法规科',
    categories: ['LICENSING', 'PENALTY', 'COERCION', 'INSPECTION'],
    fields: ['食品安全', '特种设备', '价格监督', '产品质量'],
    officers: [
      ['贾志刚', '副局长', 'E'],
      ['魏红霞', '综合行政执法大队大队长', 'E'],
      ['薛建平', '综合行政执法大队副大队长', 'E'],
      ['叶宏伟', '食品生产安全监督管理股股长', 'E'],
      ['阎丽', '食品经营安全监督管理股科员', 'E'],
      ['余海波', '特种设备安全监察股股长', 'E', false, 'EXPIRING'],
      ['潘国强', '特种设备安全监察股科员', 'E'],
      ['杜晓燕', '价格监督检查股科员', 'E'],
      ['戴永刚', '产品质量监督股股长', 'E'],
      ['夏雨欣', '综合行政执法大队队员', 'E'],
      ['钟文涛', '综合行政执法大队队员', 'E'],
      ['汪春梅', '综合行政执法大队队员', 'E'],
      ['任俊杰', '综合行政执法大队队员', 'E'],
      ['姜立平', '河渠市场监督管理所所长', 'E'],
      ['范晓东', '河渠市场监督管理所科员', 'E'],
      ['方玉洁', '贾家口市场监督管理所所长', 'E'],
      ['石磊', '贾家口市场监督管理所科员', 'E', false, 'SUSPENDED'],
      ['姚明远', '凤凰市场监督管理所所长', 'E'],
      ['谭丽华', '凤凰市场监督管理所科员', 'E'],
      ['廖志勇', '药品医疗器械监督管理股股长', 'E'],
      ['邹雅婷', '知识产权股科员', 'E'],
      ['熊敏', '政策法规科科长', 'R', true],
    ],
    untrained: ['任俊杰', '范晓东', '邹雅婷'],
  },
  {
    key: 'township',
    name: '宁晋县河渠镇人民政府',
    kind: 'TOWNSHIP',
    isSupervisor: false,
    legalOfficeName: '法制办公室',
    categories: ['PENALTY', 'COERCION', 'INSPECTION'],
    fields: ['综合行政执法'],
    officers: [
      ['崔振华', '副镇长', 'E'],
      ['程建新', '综合行政执法队队长', 'E'],
      ['陆文斌', '综合行政执法队队员', 'E'],
      ['谢春燕', '综合行政执法队队员', 'E'],
      ['邱国庆', '综合行政执法队队员', 'E', false, 'EXPIRING'],
      ['蒋玉兰', '法制办公室主任', 'R', false],
    ],
    untrained: ['陆文斌'],
  },
];

/** Regular issue dates; a credential is valid for five years. */
const ISSUE_DAYS = ['2022-03-18', '2023-06-15', '2024-04-10', '2025-05-20'];
/** Days ahead for the credentials that expire within 30 days, in order of appearance. */
const EXPIRING_IN = [12, 25, 5];

const CREATE_AGENCY = `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id code name } }`;
const REGISTER = `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`;
const ISSUE = `mutation($i: IssueCredentialInput!) { issueCredential(input: $i) { number } }`;
const SUSPEND = `mutation($n: String!, $r: String!) { changeCredentialStatus(number: $n, status: SUSPENDED, reason: $r) { number status } }`;
const TRAIN = `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) }`;

/** Creates the demo agencies, officers, credentials and training through the API. */
/** `today`: the day the dates are relative to (a resumed seed passes its first attempt's day). */
export async function seedPersonnel(gql: SeedGql, today = shanghaiDate()): Promise<SeededPersonnel> {
  const call = async (query: string, variables: object) => {
    const r = await gql(query, variables);
    if (r?.errors?.length)
      throw new Error(`seed personnel: ${r.errors.map((e: { message: string }) => e.message).join('; ')}`);
    return r?.data ?? r;
  };
  const lastYear = Number(today.slice(0, 4)) - 1;
  const out: SeededPersonnel = {
    region: REGION,
    agencyIds: {},
    agencies: {} as SeededPersonnel['agencies'],
    officers: [],
    credentials: [],
  };
  let serial = 0;
  let expiring = 0;
  let person = 0;

  for (const plan of PLANS) {
    const code = AGENCY_CODES[plan.key];
    const { createAgency: a } = await call(CREATE_AGENCY, {
      i: {
        code,
        name: plan.name,
        kind: plan.kind,
        region: REGION,
        isSupervisor: plan.isSupervisor,
        legalOfficeName: plan.legalOfficeName,
      },
    });
    out.agencyIds[code] = a.id;
    out.agencies[plan.key] = { id: a.id, code, name: a.name };

    for (const [name, position, duty, qualified = false, state = 'VALID'] of plan.officers) {
      person++;
      const roles = duty === 'R' ? ['LEGAL_REVIEWER'] : ['ENFORCEMENT'];
      const { registerOfficer: o } = await call(REGISTER, {
        i: {
          agencyId: a.id,
          name,
          position,
          roles,
          legalProfessionQualified: qualified,
          idNumber: fictionalIdNumber(person),
          phone: `0319-68${String(61000 + person * 7).slice(-5)}`,
        },
      });
      const officer: SeededOfficer = {
        id: o.id,
        name,
        position,
        role: roles[0] as SeededOfficer['role'],
        roles,
        legalProfessionQualified: qualified,
        agencyId: a.id,
        agencyCode: code,
        agencyKey: plan.key,
        credentialNumbers: [],
      };
      out.officers.push(officer);

      if (duty === 'E') {
        const { issuedOn, expiresOn } = credentialDates(state, today, serial, EXPIRING_IN[expiring]);
        if (state === 'EXPIRING') expiring++;
        serial++;
        const number = `130528${issuedOn.slice(0, 4)}${String(serial).padStart(4, '0')}`;
        await call(ISSUE, {
          i: {
            officerId: o.id,
            number,
            categories: plan.categories,
            fields: plan.fields,
            region: REGION,
            issuedOn,
            expiresOn,
            issuingAuthority: '河北省人民政府',
          },
        });
        if (state === 'SUSPENDED')
          await call(SUSPEND, {
            n: number,
            r: '涉嫌违反执法纪律，暂扣执法证件，待调查处理 / suspended pending a disciplinary inquiry',
          });
        officer.credentialNumbers.push(number);
        out.credentials.push({ number, officerId: o.id, agencyCode: code, state, issuedOn, expiresOn });
      }

      if (!plan.untrained.includes(name)) {
        await call(TRAIN, {
          i: { officerId: o.id, day: `${lastYear}-04-16`, hours: 8, topic: '行政执法三项制度专题培训' },
        });
        const second =
          duty === 'R'
            ? { day: `${lastYear}-09-11`, hours: 6, topic: '重大执法决定法制审核实务' }
            : { day: `${lastYear}-06-19`, hours: 4, topic: '《中华人民共和国行政处罚法》解读' };
        if (duty === 'R' || person % 2 === 0) await call(TRAIN, { i: { officerId: o.id, ...second } });
      }
    }
  }
  return out;
}

function credentialDates(
  state: CredentialState,
  today: string,
  serial: number,
  expiringIn = 20,
): { issuedOn: string; expiresOn: string } {
  const fiveYearsBefore = (expiresOn: string) => addCalendarDays(addCalendarMonths(expiresOn, -60), 1);
  if (state === 'EXPIRING') {
    const expiresOn = addCalendarDays(today, expiringIn);
    return { issuedOn: fiveYearsBefore(expiresOn), expiresOn };
  }
  if (state === 'EXPIRED') {
    const expiresOn = addCalendarDays(today, -20);
    return { issuedOn: fiveYearsBefore(expiresOn), expiresOn };
  }
  const issuedOn = ISSUE_DAYS[serial % ISSUE_DAYS.length];
  return { issuedOn, expiresOn: addCalendarDays(addCalendarMonths(issuedOn, 60), -1) };
}

/** An 18-digit resident ID number of the right shape and check digit (GB 11643), for a fictional person. */
function fictionalIdNumber(n: number): string {
  const birth = `19${70 + (n % 25)}${String((n % 12) + 1).padStart(2, '0')}${String((n % 27) + 1).padStart(2, '0')}`;
  const body = `130528${birth}${String(100 + n).slice(-3)}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
