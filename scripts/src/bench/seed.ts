import { randomBytes, randomUUID } from 'node:crypto';

import { canonicalEntryBytes } from '@tsp/records/dist/journal/canonical.js';
// The pure modules only: journal/index.js would also load resolvers, whose decorators must not run twice in tests.
import { hashLeaf } from '@tsp/records/dist/journal/merkle.js';
import { serviceDueOn } from '@tsp/records/dist/rules/service.js';
import { journalInput } from '@tsp/records/dist/write/journal-input.js';
import { EnforcementCategory, PenaltyKind, shanghaiDate, WorkingCalendar } from '@tsp/shared';
import { Client } from 'pg';

import { copyRows as insertRows } from './copy.js';
import { loadJournal } from './journal-load.js';

export interface BenchSize {
  agencies: number;
  casesPerAgency: number;
  officersPerAgency: number;
  /**
   * 'province': the shape of a province's database — six entries a case (three investigation notes),
   * half of all cases published, one in five reviewed. Default: every decision reviewed and published.
   */
  shape?: 'province';
  /** Agencies seeded before this call (other regions): keeps case numbers unique across calls. */
  firstAgency?: number;
}

// Varied public text for the text search: organisations' names from 20 × 50 × 10 parts, and 12 causes.
const PLACES =
  '东城 西城 南关 北关 城关 河西 江北 新华 长安 建设 人民 解放 中山 和平 胜利 光明 红旗 朝阳 青年 文化'.split(' ');
const NAMES = (
  '鑫源 宏达 恒通 金利 永盛 华美 德隆 瑞丰 嘉禾 福满 兴旺 顺发 广聚 泰和 盛世 隆昌 万家 百佳 鸿运 同心 ' +
  '汇丰 合众 天成 锦程 富源 新宇 祥云 博雅 明珠 凯旋 龙腾 亿家 优品 乐购 佳美 康泰 安顺 利民 益民 惠民 ' +
  '长青 四季 五洲 九州 东方 南方 北方 西部 中兴 新城'
).split(' ');
const TRADES = '商贸 超市 餐饮 药房 五金 建材 食品 服装 汽修 物流'.split(' ');
/** The causes the bench's cases and publications are drawn from. */
export const CAUSES = [
  '未按规定明码标价',
  '销售过期食品',
  '未取得许可从事经营',
  '虚假宣传',
  '销售不合格产品',
  '未落实进货查验制度',
  '违规使用计量器具',
  '无照经营',
  '侵犯注册商标专用权',
  '未按规定公示信息',
  '超范围经营',
  '占道经营',
];
/** The organisation party of case n (every second case): about one in ten thousand shares a name. */
export const organisationName = (n: number) =>
  `${PLACES[n % 20]}${NAMES[Math.floor(n / 20) % 50]}${TRADES[Math.floor(n / 1000) % 10]}有限公司`;

export interface BenchAgency {
  id: string;
  /** Enforcement officers (hold valid PENALTY credentials for the region). */
  officers: string[];
  /** Every case of the agency. */
  cases: string[];
  /** Open cases at INVESTIGATION: the write path appends notes to these. */
  openCases: string[];
}

export interface BenchData {
  region: string;
  agencies: BenchAgency[];
  counts: Record<string, number>;
  /** Public search texts that find one, a few and no publications of this seed. */
  searchTerms: string[];
}

export const BENCH_REGION = '基准县';
const DAY = 86_400_000;
const day = (d: Date) => shanghaiDate(d);

/**
 * Seeds the four subgraphs' own tables with bulk SQL, in the shapes their migrations define: agencies,
 * officers with valid credentials and last year's training; PENALTY cases with entries (the on-site
 * inspection carries its full-process video), journal leaves and Merkle nodes computed exactly as the
 * records subgraph does (so findings see an intact journal); decided cases with their decision, a PASSED
 * legal review and a PUBLISHED publication, then served (SERVICE entry) — one in a hundred never served;
 * some open cases with a review in progress. A few cases are overdue, a few decisions unserved past their
 * due day and a few entries lack their video, so the findings have something real to report.
 * Events are not written: consumers have nothing to catch up with.
 */
export async function seedBench(
  url: string,
  size: BenchSize,
  say: (m: string) => void,
  region = BENCH_REGION,
): Promise<BenchData> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await seed(db, size, say, region);
  } finally {
    await db.end();
  }
}

async function seed(db: Client, size: BenchSize, say: (m: string) => void, region: string): Promise<BenchData> {
  const now = new Date();
  const today = day(now);
  const lastYear = `${Number(today.slice(0, 4)) - 1}-06-01`;
  // Codes and credential numbers are unique database-wide: one seed per region must not collide with another.
  const tag = randomBytes(3).toString('hex').toUpperCase();
  const agencies: BenchAgency[] = [];
  const agencyRows: unknown[][] = [],
    officerRows: unknown[][] = [],
    credRows: unknown[][] = [],
    trainingRows: unknown[][] = [];
  const reviewers = new Map<string, string>();
  for (let a = 0; a < size.agencies; a++) {
    const id = randomUUID();
    agencyRows.push([
      id,
      `BENCH-${tag}-${String(a).padStart(4, '0')}`,
      `${region}第${a + 1}执法局`,
      'MARKET_REGULATION',
      region,
      false,
      '法制股',
    ]);
    const officers: string[] = [];
    for (let o = 0; o < size.officersPerAgency; o++) {
      const oid = randomUUID();
      const reviewer = o === size.officersPerAgency - 1;
      officerRows.push([
        oid,
        id,
        `执法员${a}-${o}`,
        reviewer ? '法制审核员' : '执法员',
        reviewer ? ['LEGAL_REVIEWER'] : ['ENFORCEMENT'],
        reviewer,
      ]);
      trainingRows.push([randomUUID(), oid, lastYear, '60.0', '年度执法培训', 'bench']);
      if (reviewer) {
        reviewers.set(id, oid);
        continue;
      }
      officers.push(oid);
      credRows.push([
        randomUUID(),
        `BENCH${tag}${a}-${o}`,
        oid,
        id,
        ['PENALTY', 'INSPECTION', 'LICENSING', 'COERCION'],
        region,
        day(new Date(now.getTime() - 400 * DAY)),
        day(new Date(now.getTime() + 800 * DAY)),
        'VALID',
        `${region}人民政府`,
      ]);
    }
    agencies.push({ id, officers, cases: [], openCases: [] });
  }
  await insertRows(
    db,
    'personnel.agency',
    ['id', 'code', 'name', 'kind', 'region', 'is_supervisor', 'legal_office_name'],
    agencyRows,
  );
  await insertRows(
    db,
    'personnel.officer',
    ['id', 'agency_id', 'name', 'position', 'roles', 'legal_profession_qualified'],
    officerRows,
  );
  await insertRows(
    db,
    'personnel.credential',
    [
      'id',
      'number',
      'officer_id',
      'agency_id',
      'categories',
      'region',
      'issued_on',
      'expires_on',
      'status',
      'issuing_authority',
    ],
    credRows,
  );
  await insertRows(
    db,
    'personnel.training_record',
    ['id', 'officer_id', 'day', 'hours', 'topic', 'recorded_by'],
    trainingRows,
  );
  say(`personnel: ${agencyRows.length} agencies, ${officerRows.length} officers`);

  const caseRows: unknown[][] = [],
    entryRows: unknown[][] = [],
    attRows: unknown[][] = [],
    decisionRows: unknown[][] = [];
  const reviewRows: unknown[][] = [],
    pubRows: unknown[][] = [],
    unreviewedRows: unknown[][] = [];
  const leaves: { entryId: string; caseId: string; hash: Buffer }[] = [];
  const calendar = new WorkingCalendar();
  const province = size.shape === 'province';
  let n = 0;
  for (const [i, ag] of agencies.entries()) {
    const ai = i + (size.firstAgency ?? 0);
    for (let c = 0; c < size.casesPerAgency; c++, n++) {
      const id = randomUUID();
      const caseNumber = `基准罚〔${today.slice(0, 4)}〕${ai}-${c + 1}号`;
      const g = ai * size.casesPerAgency + c;
      const organisation = c % 2 === 1;
      const cause = CAUSES[g % CAUSES.length];
      const handlers = [ag.officers[c % ag.officers.length], ag.officers[(c + 1) % ag.officers.length]];
      const filedAt = new Date(now.getTime() - (2 + (c % 80)) * DAY - (c % 997) * 1000);
      const decided = c % 5 < 3;
      const overdue = !decided && c % 50 === 3;
      const dueOn = day(new Date(filedAt.getTime() + (overdue ? 1 : 120) * DAY));
      const party = organisation ? organisationName(g) : `当事人${ai}-${c}`;
      const entries: { stage: string; activity: string; officers: string[]; video: boolean; at: Date }[] = [
        { stage: 'FILING', activity: 'FILING', officers: handlers, video: false, at: filedAt },
        // One in a hundred inspections lacks its video: a real AUDIO_VISUAL finding.
        {
          stage: 'INVESTIGATION',
          activity: 'ON_SITE_INSPECTION',
          officers: handlers,
          video: c % 100 !== 7,
          at: new Date(filedAt.getTime() + DAY),
        },
      ];
      // A province's cases carry more of the investigation: three notes each (six entries a case).
      for (let k = 0; province && k < 3; k++)
        entries.push({
          stage: 'INVESTIGATION',
          activity: 'NOTE',
          officers: handlers,
          video: false,
          at: new Date(filedAt.getTime() + DAY + (k + 1) * 3_600_000),
        });
      const decidedAt = new Date(filedAt.getTime() + 1.5 * DAY);
      if (decided)
        entries.push({ stage: 'DECISION', activity: 'DECISION', officers: handlers, video: false, at: decidedAt });
      // Party presence not recorded (null): due 7 working days after the decision (records rules/service.ts).
      const serviceDue = decided
        ? serviceDueOn(
            {
              category: EnforcementCategory.PENALTY,
              penaltyKinds: [PenaltyKind.FINE],
              decidedOn: day(decidedAt),
              partyPresent: null,
            },
            calendar,
          )
        : null;
      // One decision in a hundred is never served: a real SERVICE_OVERDUE finding once its due day has passed.
      const servedAt = decided && c % 100 !== 11 ? new Date(filedAt.getTime() + 1.75 * DAY) : null;
      if (servedAt)
        entries.push({ stage: 'SERVICE', activity: 'SERVICE', officers: handlers, video: false, at: servedAt });
      caseRows.push([
        id,
        ag.id,
        region,
        caseNumber,
        'PENALTY',
        cause,
        organisation ? 'ORGANIZATION' : 'NATURAL_PERSON',
        party,
        '5000.00',
        handlers,
        servedAt ? 'SERVICE' : decided ? 'DECISION' : 'INVESTIGATION',
        filedAt,
        dueOn,
        decided,
        entries.length,
        'bench',
        serviceDue,
        servedAt,
      ]);
      ag.cases.push(id);
      if (!decided) ag.openCases.push(id);
      for (const [k, e] of entries.entries()) {
        const entryId = randomUUID();
        const recordedAt = new Date(e.at.getTime() + 60_000);
        const row = {
          id: entryId,
          caseId: id,
          agencyId: ag.id,
          sequence: k + 1,
          stage: e.stage,
          activity: e.activity,
          occurredAt: e.at,
          recordedAt,
          officerIds: e.officers,
          summary: `${e.activity} ${caseNumber}`,
          correctsId: null,
          affectsLibertyOrProperty: false,
          recordedBy: e.officers[0],
          legacy: false,
          credentialProblem: null,
        };
        const att = e.video
          ? [
              {
                entryId,
                caseId: id,
                position: 0,
                kind: 'VIDEO',
                sha256: hashLeaf(Buffer.from(entryId)).toString('hex'),
                size: '1048576',
                mediaType: 'video/mp4',
                name: '执法记录仪.mp4',
                fullProcess: true,
                documentType: null,
              },
            ]
          : [];
        const hash = hashLeaf(canonicalEntryBytes(journalInput(row as never, att as never)));
        entryRows.push([
          entryId,
          id,
          ag.id,
          k + 1,
          e.stage,
          e.activity,
          e.at,
          recordedAt,
          e.officers,
          row.summary,
          false,
          hash.toString('hex'),
          row.recordedBy,
        ]);
        for (const a of att)
          attRows.push([randomUUID(), entryId, id, 0, a.kind, a.sha256, a.size, a.mediaType, a.name, true]);
        leaves.push({ entryId, caseId: id, hash });
        if (e.activity === 'DECISION') {
          const decidedOn = day(e.at);
          decisionRows.push([
            id,
            entryId,
            'PENALTY',
            ['FINE'],
            '2000.00',
            '《价格法》第四十二条',
            '未明码标价',
            '罚款二千元',
            decidedOn,
          ]);
          const reviewId = randomUUID();
          // Province: one decided case in four reviewed, one in six of them not published (~200k / 500k at 1M).
          const reviewed = !province || c % 4 === 0;
          const published = !province || c % 6 !== 5;
          if (reviewed)
            reviewRows.push(
              reviewRow(
                reviewId,
                ag.id,
                region,
                id,
                caseNumber,
                handlers,
                'PASSED',
                day(new Date(e.at.getTime() - DAY)),
                reviewers.get(ag.id)!,
              ),
            );
          if (published)
            pubRows.push([
              randomUUID(),
              'DECISION',
              id,
              ag.id,
              region,
              'PENALTY',
              organisation ? 'ORGANIZATION' : 'NATURAL_PERSON',
              caseNumber,
              organisation ? party : `当事人${ai}-*`,
              cause,
              '罚款二千元',
              '《价格法》第四十二条',
              'PENALTY',
              ['FINE'],
              '2000.00',
              decidedOn,
              day(new Date(e.at.getTime() + 7 * DAY)),
              'PUBLISHED',
              true,
              new Date(e.at.getTime() + DAY),
              'bench',
              day(new Date(now.getTime() + 365 * DAY)),
            ]);
          // One decision in two hundred was made without its review: a real REVIEW finding.
          if (c % 200 === 3)
            unreviewedRows.push([
              id,
              ag.id,
              region,
              caseNumber,
              'PENALTY',
              decidedOn,
              ['FINE ≥ large amount'],
              randomUUID(),
            ]);
        }
      }
      if (!decided && c % (province ? 8 : 4) === 0)
        reviewRows.push(
          reviewRow(
            randomUUID(),
            ag.id,
            region,
            id,
            caseNumber,
            handlers,
            'SUBMITTED',
            day(new Date(now.getTime() - DAY)),
            null,
          ),
        );
    }
    if ((i + 1) % 5 === 0 || i === agencies.length - 1) say(`prepared ${n} cases`);
  }
  await insertRows(
    db,
    'records.enforcement_case',
    [
      'id',
      'agency_id',
      'region',
      'case_number',
      'category',
      'cause',
      'party_type',
      'party_name',
      'amount_involved',
      'handler_ids',
      'stage',
      'filed_at',
      'decision_due_on',
      'decided',
      'entry_count',
      'created_by',
      'service_due_on',
      'served_at',
    ],
    caseRows,
  );
  say(`records: ${caseRows.length} cases`);
  // Entries, their attachments and their journal leaves in one transaction, as records writes them: the
  // entry_without_full_av trigger (records migration 0007) looks at an entry's attachments when the transaction
  // commits, and the journal audit takes an entry whose row version differs from its leaf's for a suspect.
  await db.query('begin');
  await insertRows(
    db,
    'records.record_entry',
    [
      'id',
      'case_id',
      'agency_id',
      'sequence',
      'stage',
      'activity',
      'occurred_at',
      'recorded_at',
      'officer_ids',
      'summary',
      'affects_liberty_or_property',
      'hash',
      'recorded_by',
    ],
    entryRows,
  );
  await insertRows(
    db,
    'records.attachment',
    ['id', 'entry_id', 'case_id', 'position', 'kind', 'sha256', 'size', 'media_type', 'name', 'full_process'],
    attRows,
  );
  await insertRows(
    db,
    'records.case_decision',
    [
      'case_id',
      'entry_id',
      'outcome',
      'penalty_kinds',
      'fine_amount',
      'legal_basis',
      'facts',
      'conclusion',
      'decided_on',
    ],
    decisionRows,
  );
  say(`records: ${entryRows.length} entries, ${attRows.length} attachments, ${decisionRows.length} decisions`);
  await loadJournal(db, leaves);
  await db.query('commit');
  say(`records: journal of ${leaves.length} leaves`);
  await insertRows(db, 'review.legal_review', REVIEW_COLUMNS, reviewRows);
  await insertRows(
    db,
    'review.unreviewed_decision',
    ['case_id', 'agency_id', 'region', 'case_number', 'category', 'decided_on', 'reasons', 'event_id'],
    unreviewedRows,
  );
  say(`review: ${reviewRows.length} reviews`);
  await insertRows(
    db,
    'disclosure.publication',
    [
      'id',
      'kind',
      'case_id',
      'agency_id',
      'region',
      'category',
      'party_type',
      'case_number',
      'party_name',
      'summary',
      'conclusion',
      'legal_basis',
      'outcome',
      'penalty_kinds',
      'fine_amount',
      'decided_on',
      'due_on',
      'status',
      'publishable',
      'published_at',
      'published_by',
      'expires_on',
    ],
    pubRows,
  );
  say(`disclosure: ${pubRows.length} publications`);
  // A province is seeded region by region: its driver analyzes once after the last.
  if (!province) await db.query('analyze');
  const published = pubRows.map((r) => ({ caseNumber: String(r[7]), party: String(r[8]) }));
  const pick = (k: number) => published[Math.floor((k * published.length) / 4)];
  return {
    region,
    agencies,
    searchTerms: published.length
      ? [
          pick(1).caseNumber,
          pick(3).caseNumber,
          ...[0, 1, 2, 3].map((k) => pick(k).party).filter((p) => p.endsWith('公司')),
          '不存在的字号',
        ]
      : ['不存在的字号'],
    counts: {
      agencies: agencyRows.length,
      officers: officerRows.length,
      cases: caseRows.length,
      entries: entryRows.length,
      reviews: reviewRows.length,
      publications: pubRows.length,
    },
  };
}

const REVIEW_COLUMNS = [
  'id',
  'agency_id',
  'region',
  'case_id',
  'case_number',
  'cause',
  'category',
  'party_type',
  'handler_ids',
  'amount_involved',
  'hearing_held',
  'submitted_by',
  'complex',
  'received_on',
  'due_on',
  'status',
  'penalty_kinds',
  'fine_amount',
  'legal_basis',
  'summary',
  'checklist',
  'reviewer_id',
  'reviewer_opinion',
  'reviewer_signed_on',
];

function reviewRow(
  id: string,
  agencyId: string,
  region: string,
  caseId: string,
  caseNumber: string,
  handlers: string[],
  status: string,
  receivedOn: string,
  reviewer: string | null,
): unknown[] {
  const dueOn = day(new Date(Date.parse(receivedOn) + 20 * DAY));
  return [
    id,
    agencyId,
    region,
    caseId,
    caseNumber,
    '未按规定明码标价',
    'PENALTY',
    'NATURAL_PERSON',
    handlers,
    '5000.00',
    false,
    handlers[0],
    false,
    receivedOn,
    dueOn,
    status,
    ['FINE'],
    '2000.00',
    '《价格法》第四十二条',
    '拟罚款二千元',
    '[]',
    reviewer,
    reviewer ? '同意' : null,
    reviewer ? receivedOn : null,
  ];
}
