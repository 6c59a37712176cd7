import { createHash } from 'node:crypto';

import { overrideConfig, shanghaiDate } from '@tsp/shared';
import ExcelJS from 'exceljs';

import { uploadFixtureBlobs } from './kit/blobs';
import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform } from './kit/platform';
import { APPEND, DECIDE, doc, photo, type RecordsWorld, serveNoticeWaived, video } from './kit/records-fixtures';
import {
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  proposal,
  type ReviewWorld,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';
import { until } from './kit/until';

/**
 * 行政执法统计 through the real gateway: reviews, a published decision and complaints made through the API, then the
 * region's figures as the bureau, an agency and outsiders read them, a source down failing the whole, and the
 * XLSX/CSV export read back. Records' metrics (cases, decisions, amounts, hearings, reconsideration) are asserted
 * only as present numbers: this file checks the other subgraphs' parts exactly.
 */
let p: Platform;
let w: ReviewWorld;
let restore: () => void;
let injected: string;
const YEAR = Number(shanghaiDate().slice(0, 4));
const MONTH = shanghaiDate().slice(0, 7);
const REGION = '宁晋县';

const ok = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const codeOf = (r: GqlResult) => r.errors?.[0]?.extensions?.code;

const FIGURES = `casesFiled decisions penaltyDecisions fineAmount confiscationAmount hearingsHeld decisionsChallenged
  decisionsOverturned reviewsCompleted reviewsFailed publications publicationsOnTime inspections complaintsReceived
  complaintsClosed`;
const STATS = `query($r: String!, $y: Int!) { enforcementStatistics(region: $r, year: $y) {
  region year from to
  agencies { agency { id name } agencyName totals { ${FIGURES} } rates { publicationsOnTimePercent overturnedPercent
    complaintsClosedPercent } byCategory { category figures { ${FIGURES} } } }
  byCategory { category figures { reviewsCompleted publications } }
  totals { ${FIGURES} } rates { publicationsOnTimePercent complaintsClosedPercent }
  monthly { month metric value } } }`;
const stats = (tok?: string) => p.gql(STATS, { r: REGION, y: YEAR }, { token: tok });

/** A review of a new case of A, taken to `outcome` by the qualified reviewer. */
async function review(caseNumber: string, outcome: 'PASS' | 'FAIL') {
  const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], caseNumber);
  const r = ok(await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 }));
  ok(await p.gql(START, { id: r.submitForReview.id }, { token: w.tokens.rq }));
  const checklist = outcome === 'PASS' ? lawfulPenaltyChecklist() : [{ code: 'LAW_APPLIED_CORRECTLY', answer: false }];
  const i = {
    reviewId: r.submitForReview.id,
    outcome,
    checklist,
    opinion: outcome === 'PASS' ? '同意' : '适用法律错误',
  };
  ok(await p.gql(COMPLETE, { i }, { token: w.tokens.rq }));
}

/** A small penalty decided in A (not major: no review), its draft publication published by the agency head. */
async function decideAndPublish(caseNumber: string) {
  const rw = { tokens: { a: w.tokens.h1 }, o1: w.h1, o2: w.h2 } as unknown as RecordsWorld;
  const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], caseNumber);
  const at = () => new Date().toISOString();
  for (const [stage, activity, attachments] of [
    ['INVESTIGATION', 'ON_SITE_INSPECTION', [video(), photo()]],
    ['INVESTIGATION', 'DOCUMENT', [doc('调查笔录')]],
    ['EVIDENCE', 'EVIDENCE_COLLECTION', [video(), photo()]],
  ] as const)
    ok(
      await p.gql(
        APPEND,
        { i: { caseId, stage, activity, occurredAt: at(), officerIds: [w.h1, w.h2], attachments, summary: '调查' } },
        { token: w.tokens.h1 },
      ),
    );
  await serveNoticeWaived(p, rw, caseId, { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '5000' }, w.tokens.h1, [
    w.h1,
    w.h2,
  ]);
  ok(
    await p.gql(
      DECIDE,
      {
        i: {
          caseId,
          outcome: '处罚',
          penaltyKinds: ['WARNING', 'FINE'],
          fineAmount: '5000',
          legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
          facts: '销售不符合食品安全标准的食品',
          conclusion: '警告，并处罚款人民币伍仟元',
          decidedOn: shanghaiDate(),
          officerIds: [w.h1, w.h2],
          attachments: [doc('处罚决定书')],
        },
      },
      { token: w.tokens.h1 },
    ),
  );
  // DecisionRecorded reaches disclosure as a draft; the agency head publishes it.
  const draft = await until('the draft publication', async () => {
    const rows = await sql<{ id: string }>(p.databaseUrl, `select id from disclosure.publication where case_id = $1`, [
      caseId,
    ]);
    return rows[0];
  });
  ok(
    await p.gql(`mutation($id: ID!) { publishDecision(id: $id) { id } }`, { id: draft.id }, { token: w.tokens.aHead }),
  );
}

/** A complaint about `agencyId`, accepted by the bureau; closed too when asked. */
async function complaint(agencyId: string, close: boolean) {
  const r = ok(
    await p.gql(`mutation($i: SubmitComplaintInput!) { submitComplaint(input: $i) { receiptCode } }`, {
      i: { agencyId, subject: '执法程序不规范', content: '检查时未出示执法证件。', name: '孙丽', phone: '13912345678' },
    }),
  ).submitComplaint;
  const hash = createHash('sha256').update(r.receiptCode).digest('hex');
  const [{ id }] = await sql<{ id: string }>(
    p.databaseUrl,
    `select id from supervision.complaint where receipt_hash = $1`,
    [hash],
  );
  const sup = { token: w.tokens.supervisor };
  ok(await p.gql(`mutation($id: ID!) { triageComplaint(id: $id, accept: true, note: "受理") { id } }`, { id }, sup));
  if (close)
    ok(
      await p.gql(
        `mutation($id: ID!) { closeComplaint(id: $id, conclusion: "已核实并纠正", upheld: true) { id } }`,
        { id },
        sup,
      ),
    );
}

beforeAll(async () => {
  restore = overrideConfig({ COMPLAINT_RATE_PER_HOUR: '10000', COMPLAINT_RATE_PER_DAY: '10000' });
  p = await startPlatform();
  w = await setupReviewWorld(p);
  await uploadFixtureBlobs(p, w.tokens.h1);
  await review('宁规罚〔2026〕101号', 'PASS');
  await review('宁规罚〔2026〕102号', 'FAIL');
  await decideAndPublish('宁规罚〔2026〕103号');
  await complaint(w.agencyA, true);
  await complaint(w.agencyA, false);
  await complaint(w.agencyB, false);
  // An agency whose name would run as a formula in a spreadsheet (ADMIN may name agencies freely).
  injected = ok(
    await p.gql(
      `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id } }`,
      { i: { code: 'NJ-X', name: '=cmd|"/c calc"!A1', kind: 'OTHER', region: REGION, legalOfficeName: '法制股' } },
      { token: w.tokens.admin },
    ),
  ).createAgency.id;
}, 180_000);
afterAll(async () => {
  await p?.stop();
  restore?.();
});

test('the bureau reads every agency of its region: the figures of review, disclosure and supervision exactly', async () => {
  const s = ok(await stats(w.tokens.supervisor)).enforcementStatistics;
  expect(s).toMatchObject({ region: REGION, year: YEAR, from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
  const line = (id: string) => s.agencies.find((a: any) => a.agency.id === id);
  expect(s.agencies.map((a: any) => a.agency.id).sort()).toEqual([w.agencyA, w.agencyB, injected].sort());
  const a = line(w.agencyA);
  expect(a.agencyName).toBe(a.agency.name);
  expect(a.totals).toMatchObject({
    reviewsCompleted: 2,
    reviewsFailed: 1,
    publications: 1,
    publicationsOnTime: 1,
    inspections: 0,
    complaintsReceived: 2,
    complaintsClosed: 1,
  });
  expect(a.rates).toMatchObject({ publicationsOnTimePercent: 100, complaintsClosedPercent: 50 });
  // Records' part (cases, decisions, amounts, hearings, reconsideration) is its own: present, a number.
  for (const k of ['casesFiled', 'decisions', 'penaltyDecisions', 'hearingsHeld', 'decisionsChallenged'])
    expect(a.totals[k]).toEqual(expect.any(Number));
  expect(a.totals.fineAmount).toMatch(/^\d+\.\d{2}$/);
  const penalty = a.byCategory.find((c: any) => c.category === 'PENALTY');
  expect(penalty.figures).toMatchObject({ reviewsCompleted: 2, reviewsFailed: 1, publications: 1 });
  expect(a.byCategory.find((c: any) => c.category === null).figures).toMatchObject({
    complaintsReceived: 2,
    complaintsClosed: 1,
  });
  expect(line(w.agencyB).totals).toMatchObject({ reviewsCompleted: 0, complaintsReceived: 1, complaintsClosed: 0 });
  expect(line(w.agencyB).rates.complaintsClosedPercent).toBe(0);
  // Nothing to divide by: no rate rather than 0 %.
  expect(line(injected).rates).toEqual({
    publicationsOnTimePercent: null,
    overturnedPercent: null,
    complaintsClosedPercent: null,
  });
  expect(s.totals).toMatchObject({ reviewsCompleted: 2, publications: 1, complaintsReceived: 3, complaintsClosed: 1 });
  expect(s.rates).toEqual({ publicationsOnTimePercent: 100, complaintsClosedPercent: 33.3 });
  // Every month × metric, zeros included; this month holds the figures.
  expect(s.monthly).toHaveLength(12 * 15);
  const m = (metric: string) => s.monthly.find((x: any) => x.month === MONTH && x.metric === metric).value;
  expect([m('REVIEWS_COMPLETED'), m('REVIEWS_FAILED'), m('PUBLICATIONS_ON_TIME'), m('COMPLAINTS_RECEIVED')]).toEqual([
    '2',
    '1',
    '1',
    '3',
  ]);
});

test('an agency reads its own line only; another region, integrators and the public are refused', async () => {
  const own = ok(await stats(w.tokens.aHead)).enforcementStatistics;
  expect(own.agencies.map((a: any) => a.agency.id)).toEqual([w.agencyA]);
  expect(own.totals).toMatchObject({ complaintsReceived: 2, reviewsCompleted: 2 });
  expect(codeOf(await stats(w.tokens.otherSupervisor))).toBe('FORBIDDEN');
  expect(codeOf(await stats(w.tokens.integratorA))).toBe('FORBIDDEN');
  expect(codeOf(await stats())).toBe('UNAUTHENTICATED');
  // The ADMIN reads every agency, as the bureau does.
  expect(ok(await stats(w.tokens.admin)).enforcementStatistics.totals.complaintsReceived).toBe(3);
});

test('a source subgraph that does not answer fails the whole query, naming it (nothing silently left out)', async () => {
  await p.stopSubgraph('inspection');
  try {
    const r = await stats(w.tokens.supervisor);
    expect(r.data?.enforcementStatistics ?? null).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'DEPENDENCY_UNAVAILABLE', service: 'inspection' });
  } finally {
    await p.restartSubgraph('inspection');
  }
  expect(ok(await stats(w.tokens.supervisor)).enforcementStatistics.totals.reviewsCompleted).toBe(2);
});

const exportUrl = (format: 'xlsx' | 'csv', region = REGION) =>
  `${p.gatewayUrl.replace(/\/graphql$/, '')}/exports/statistics/${encodeURIComponent(region)}/${YEAR}.${format}`;
const download = (url: string, tok?: string) => fetch(url, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });

test('the XLSX through the gateway: the provincial layout, read back with exceljs', async () => {
  const res = await download(exportUrl('xlsx'), w.tokens.supervisor);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('spreadsheetml');
  expect(res.headers.get('content-disposition')).toContain(
    encodeURIComponent(`${REGION}${YEAR}年度行政执法数据统计表`),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  expect(wb.worksheets.map((s) => s.name)).toEqual(['年度行政执法数据统计表', '月度趋势']);
  const ws = wb.getWorksheet('年度行政执法数据统计表')!;
  expect(ws.getCell('A1').value).toBe(`${REGION}${YEAR}年度行政执法数据统计表`);
  const groups = (ws.getRow(2).values as unknown[]).filter(Boolean);
  expect(groups).toEqual(
    expect.arrayContaining([
      '序号',
      '执法机关',
      '行政许可',
      '行政处罚',
      '行政强制',
      '行政检查',
      '行政征收征用',
      '其他',
    ]),
  );
  expect(groups).toEqual(
    expect.arrayContaining(['重大执法决定法制审核', '行政复议和行政诉讼', '执法决定公示', '投诉举报']),
  );
  const labels = ws.getRow(3).values as unknown[];
  const col = (group: string, label: string) => {
    const start = (ws.getRow(2).values as unknown[]).indexOf(group);
    return labels.indexOf(label, start);
  };
  expect(labels).toEqual(expect.arrayContaining(['罚没金额（元）', '审核数', '按时公示数', '受理数', '办结数']));
  const rows: ExcelJS.Row[] = [];
  ws.eachRow((r, n) => n > 3 && rows.push(r));
  const names = rows.map((r) => r.getCell(2).value);
  const nameA = ok(await p.gql(`query($id: ID!) { agency(id: $id) { name } }`, { id: w.agencyA })).agency.name;
  expect(names).toEqual(expect.arrayContaining([nameA, '=cmd|"/c calc"!A1', '合计']));
  expect(names[names.length - 1]).toBe('合计');
  const rowA = rows.find((r) => r.getCell(2).value === nameA)!;
  expect(rowA.getCell(col('重大执法决定法制审核', '审核数')).value).toBe(2);
  expect(rowA.getCell(col('重大执法决定法制审核', '未通过数')).value).toBe(1);
  expect(rowA.getCell(col('执法决定公示', '按时公示数')).value).toBe(1);
  expect(rowA.getCell(col('投诉举报', '受理数')).value).toBe(2);
  expect(rowA.getCell(col('投诉举报', '办结率（%）')).value).toBe(50);
  const total = rows[rows.length - 1];
  expect(total.getCell(col('投诉举报', '受理数')).value).toBe(3);
  expect(total.getCell(col('投诉举报', '办结数')).value).toBe(1);
  // The injected name is a text cell, never a formula.
  const injectedCell = rows.find((r) => r.getCell(2).value === '=cmd|"/c calc"!A1')!.getCell(2);
  expect(injectedCell.type).toBe(ExcelJS.ValueType.String);
  const trend = wb.getWorksheet('月度趋势')!;
  expect(trend.getCell('A1').value).toBe('月份');
  expect(trend.rowCount).toBe(13);
  const monthRow = (trend.getColumn(1).values as unknown[]).indexOf(MONTH);
  const reviews = (trend.getRow(1).values as unknown[]).indexOf('法制审核数');
  expect(trend.getRow(monthRow).getCell(reviews).value).toBe(2);
});

test('the CSV: UTF-8 with BOM, RFC 4180 quoting, a formula-looking agency name neutralised', async () => {
  const res = await download(exportUrl('csv'), w.tokens.admin);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/csv');
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n');
  expect(lines[0]).toBe(`${REGION}${YEAR}年度行政执法数据统计表`);
  expect(lines[1].startsWith('序号,执法机关,行政许可')).toBe(true);
  // Quoted (it holds a quote), quotes doubled, and prefixed so no spreadsheet runs it.
  expect(text).toContain(`"'=cmd|""/c calc""!A1"`);
  expect(text).not.toMatch(/(^|,)=cmd/m);
  expect(lines.some((l) => l.startsWith(',合计,'))).toBe(true);
});

test('the export is the bureau’s: 401 without a token, 403 for an agency and another region', async () => {
  expect((await download(exportUrl('xlsx'))).status).toBe(401);
  expect((await download(exportUrl('xlsx'), w.tokens.aHead)).status).toBe(403);
  expect((await download(exportUrl('csv'), w.tokens.otherSupervisor)).status).toBe(403);
  expect((await download(exportUrl('csv'), w.tokens.integratorA)).status).toBe(403);
  const bad = await download(exportUrl('csv').replace(`${YEAR}.csv`, `${YEAR}.pdf`), w.tokens.supervisor);
  expect(bad.status).toBe(404);
});

test('SQL statements do not grow with the data: one per source subgraph', async () => {
  const { statements } = await p.countSql(() => stats(w.tokens.supervisor));
  await complaint(w.agencyB, true);
  const again = await p.countSql(() => stats(w.tokens.supervisor));
  expect(again.statements).toBe(statements);
});
