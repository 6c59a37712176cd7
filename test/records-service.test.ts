import { shanghaiDate, WorkingCalendar } from '@tsp/shared';

import { type Platform, startPlatform } from './kit/platform';
import {
  APPEND,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  video,
} from './kit/records-fixtures';

/**
 * 送达期限 (行政处罚法 §61) through the gateway: recordDecision's partyPresent gives the case its
 * serviceDueOn, a service entry after the decision its servedOn, and a decision never served by its
 * due day is a SERVICE_OVERDUE finding for the region's supervisor — not for another agency.
 */
let p: Platform;
let w: RecordsWorld;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const now = () => new Date().toISOString();
const today = () => shanghaiDate();
const SERVICE_FIELDS = `id serviceDueOn servedOn decision { decidedOn partyPresent }`;
const CASE = `query($id: ID!) { case(id: $id) { ${SERVICE_FIELDS} } }`;
const FINDINGS = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId detail since category } } }`;
const IMPORT = `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { ${SERVICE_FIELDS} } }`;

async function ok(q: string, v: Record<string, unknown>, tok = w.tokens.a) {
  const r = await p.gql(q, v, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** A live penalty case walked to its decision; a 事先告知书 served (SERVICE) before the decision serves no decision. */
async function decidedCase(caseNumber: string, partyPresent?: boolean) {
  const caseId = (await ok(OPEN, { i: penaltyCase(w, caseNumber) })).openCase.id as string;
  const step = (stage: string, activity: string, attachments: unknown[], summary: string) =>
    ok(APPEND, { i: { caseId, stage, activity, occurredAt: now(), officerIds: [w.o1, w.o2], attachments, summary } });
  await step('INVESTIGATION', 'ON_SITE_INSPECTION', [video(), photo()], '现场检查');
  await step('EVIDENCE', 'EVIDENCE_COLLECTION', [video()], '现场测量');
  await step('EXAMINATION', 'SERVICE', [doc('行政处罚事先告知书')], '送达行政处罚事先告知书');
  await serveNoticeWaived(p, w, caseId, { penaltyKinds: ['FINE'], fineAmount: '3000' });
  const r = await ok(`mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { ${SERVICE_FIELDS} } }`, {
    i: {
      caseId,
      outcome: '处罚',
      penaltyKinds: ['FINE'],
      fineAmount: '3000',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '未取得建设工程规划许可证建设房屋',
      conclusion: '罚款叁仟元',
      decidedOn: today(),
      officerIds: [w.o1, w.o2],
      attachments: [doc('处罚决定书')],
      ...(partyPresent === undefined ? {} : { partyPresent }),
    },
  });
  return { caseId, decided: r.recordDecision, step };
}

test('party absent: due 7 working days after the decision; served by a SERVICE entry after it, and then no finding', async () => {
  const { caseId, decided, step } = await decidedCase('宁规罚〔2026〕71号', false);
  expect(decided).toEqual({
    id: caseId,
    serviceDueOn: new WorkingCalendar().addWorkingDays(today(), 7),
    servedOn: null,
    decision: { decidedOn: today(), partyPresent: false },
  });
  await step('SERVICE', 'SERVICE', [doc('送达回证')], '直接送达行政处罚决定书');
  const served = (await ok(CASE, { id: caseId })).case;
  expect(served.servedOn).toBe(today());
  expect(served.serviceDueOn).toBe(decided.serviceDueOn);
  const findings = (await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings;
  expect(findings.filter((f: { subjectId: string }) => f.subjectId === caseId)).toEqual([]);
});

test('party present: due the decision day (handed over on the spot); not given: treated as absent', async () => {
  const present = await decidedCase('宁规罚〔2026〕72号', true);
  expect(present.decided).toMatchObject({ serviceDueOn: today(), servedOn: null, decision: { partyPresent: true } });
  const unknown = await decidedCase('宁规罚〔2026〕73号');
  expect(unknown.decided).toMatchObject({
    serviceDueOn: new WorkingCalendar().addWorkingDays(today(), 7),
    decision: { partyPresent: null },
  });
});

test('a decision never served past its due day is SERVICE_OVERDUE for the supervisor; the other agency sees none of it', async () => {
  // Decided Tue 2026-09-29, party absent: 7 working days run over 国庆 and its make-up Saturday to 10-14.
  const legacy = (decision: Record<string, unknown>, caseNumber: string, entries: unknown[] = []) => ({
    agencyId: w.agencyA,
    caseNumber,
    category: 'PENALTY',
    cause: '未按规划许可内容建设',
    party: { type: 'ORGANIZATION', name: '宁晋县某建材有限公司' },
    handlerIds: [w.o1, w.o2],
    filedAt: '2026-09-01T09:00:00+08:00',
    entries: [
      {
        stage: 'FILING',
        activity: 'FILING',
        occurredAt: '2026-09-01T09:00:00+08:00',
        officerIds: [w.o1, w.o2],
        summary: '立案',
        attachments: [doc('立案审批表')],
      },
      ...entries,
    ],
    decision: {
      outcome: '处罚',
      penaltyKinds: ['FINE'],
      fineAmount: '10000',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '超出规划许可面积建设',
      conclusion: '罚款壹万元',
      decidedOn: '2026-09-29',
      officerIds: [w.o1, w.o2],
      ...decision,
    },
  });
  const unserved = (await ok(IMPORT, { i: legacy({ partyPresent: false }, '宁规罚〔2026〕81号') }, w.tokens.admin))
    .importLegacyCase;
  expect(unserved).toMatchObject({ serviceDueOn: '2026-10-14', servedOn: null, decision: { partyPresent: false } });
  // Presence not recorded, served on 10-09: within the limit, no finding.
  const served = (
    await ok(
      IMPORT,
      {
        i: legacy({}, '宁规罚〔2026〕82号', [
          {
            stage: 'SERVICE',
            activity: 'SERVICE',
            occurredAt: '2026-10-09T15:00:00+08:00',
            officerIds: [w.o1, w.o2],
            summary: '直接送达',
            attachments: [doc('送达回证')],
          },
        ]),
      },
      w.tokens.admin,
    )
  ).importLegacyCase;
  expect(served).toMatchObject({
    serviceDueOn: '2026-10-14',
    servedOn: '2026-10-09',
    decision: { partyPresent: null },
  });

  const findings = (await ok(FINDINGS, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings as {
    kind: string;
    subjectId: string;
    detail: string;
    since: string;
    category: string;
  }[];
  expect(findings.filter((f) => f.kind === 'SERVICE_OVERDUE')).toEqual([
    {
      kind: 'SERVICE_OVERDUE',
      subjectId: unserved.id,
      category: 'PENALTY',
      since: '2026-10-14T16:00:00.000Z',
      detail: expect.stringContaining('2026-10-14'),
    },
  ]);
  // The agency's own staff see it too; another agency's officer sees neither the finding nor the case.
  expect((await ok(FINDINGS, { a: w.agencyA })).agency.recordFindings).toContainEqual(
    expect.objectContaining({ kind: 'SERVICE_OVERDUE', subjectId: unserved.id }),
  );
  expect((await ok(FINDINGS, { a: w.agencyA }, w.tokens.b)).agency.recordFindings).toEqual([]);
  const other = await p.gql(CASE, { id: unserved.id }, { token: w.tokens.b });
  expect(other.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(other.data?.case ?? null).toBeNull();
});
