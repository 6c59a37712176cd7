import { Role, shanghaiDate } from '@tsp/shared';

import { sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';
import {
  APPEND,
  ARCHIVE,
  DECIDE,
  doc,
  OPEN,
  penaltyCase,
  photo,
  type RecordsWorld,
  serveNoticeWaived,
  setupWorld,
  snapshot,
  video,
} from './kit/records-fixtures';

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
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;

async function ok(q: string, i: Record<string, unknown>, tok = w.tokens.a) {
  const r = await p.gql(q, { i }, { token: tok });
  expect(r.errors).toBeUndefined();
  return r.data;
}

/** Runs a write that must be refused with `expected`, and checks nothing at all was written. */
async function refused(expected: string, q: string, i: Record<string, unknown>, caseId?: string, tok = w.tokens.a) {
  const before = await snapshot(p, caseId);
  const r = await p.gql(q, { i }, { token: tok });
  expect({ code: code(r), message: r.errors?.[0]?.message }).toEqual({ code: expected, message: expect.any(String) });
  expect(await snapshot(p, caseId)).toEqual(before);
  return r.errors![0];
}

test('a penalty case goes from filing to archive with every rule met, each step journaled and published', async () => {
  const opened = (await ok(OPEN, penaltyCase(w, '宁规罚〔2026〕1号'))).openCase;
  expect(opened.stage).toBe('FILING');
  const filedDay = new Date(new Date(opened.filedAt).getTime() + 8 * 3600_000);
  const due = new Date(Date.UTC(filedDay.getUTCFullYear(), filedDay.getUTCMonth(), filedDay.getUTCDate() + 90))
    .toISOString()
    .slice(0, 10);
  expect(opened.decisionDueOn).toBe(due);
  const caseId = opened.id;
  const step = (stage: string, activity: string, officerIds: string[], attachments: unknown[], summary: string) =>
    ok(APPEND, { caseId, stage, activity, occurredAt: now(), officerIds, attachments, summary });

  await step(
    'INVESTIGATION',
    'ON_SITE_INSPECTION',
    [w.o1, w.o2],
    [video(), photo()],
    '现场检查：当事人在凤凰镇某村未取得规划许可建设二层砖混结构房屋',
  );
  await step('INVESTIGATION', 'DOCUMENT', [w.o1, w.o2], [doc('调查笔录')], '询问当事人，制作调查笔录');
  await step('EVIDENCE', 'EVIDENCE_COLLECTION', [w.o1, w.o2], [video(), photo()], '现场测量建筑面积 320 平方米');
  await serveNoticeWaived(p, w, caseId, { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '5000' });

  const decided = (
    await ok(DECIDE, {
      caseId,
      outcome: '处罚',
      penaltyKinds: ['WARNING', 'FINE'],
      fineAmount: '5000',
      legalBasis: '《中华人民共和国城乡规划法》第六十四条',
      facts: '当事人未取得建设工程规划许可证建设房屋',
      conclusion: '警告，并处罚款人民币伍仟元',
      decidedOn: shanghaiDate(),
      officerIds: [w.o1, w.o2],
      attachments: [doc('处罚决定书')],
    })
  ).recordDecision;
  expect(decided).toEqual({
    id: caseId,
    stage: 'DECISION',
    decision: { outcome: '处罚', fineAmount: '5000.00', reviewId: null },
  });

  await step('SERVICE', 'SERVICE', [w.o1, w.o2], [], '直接送达行政处罚决定书');
  await step('EXECUTION', 'EXECUTION', [w.o1], [doc('罚款缴纳凭证')], '当事人已缴纳罚款');

  // The case file lacks the 送达回证: archiving is refused, naming it.
  const e = await refused('STAGE_ORDER', ARCHIVE, { caseId, officerIds: [w.o1] }, caseId);
  expect(e.extensions).toMatchObject({ missingDocuments: ['送达回证'] });
  await step('EXECUTION', 'DOCUMENT', [w.o1], [doc('送达回证')], '补充归入送达回证');
  expect((await ok(ARCHIVE, { caseId, officerIds: [w.o1], attachments: [doc('卷内目录')] })).archiveCase.stage).toBe(
    'ARCHIVED',
  );

  const r = await p.gql(
    `query($id: ID!) { case(id: $id) { stage hearingHeld party { name idNumber contact { phone } } handlers { id name } decision { penaltyKinds }
       entries { sequence stage activity hash officers { id name } attachments { kind documentType } } } }`,
    { id: caseId },
    { token: w.tokens.a },
  );
  expect(r.errors).toBeUndefined();
  const c = r.data.case;
  expect(c.party).toEqual({ name: '王某某', idNumber: '130528198001011234', contact: { phone: '13800000000' } });
  expect(c.handlers.map((h: { name: string }) => h.name)).toEqual(['张伟', '王芳']);
  expect(
    c.entries.map(
      (x: { sequence: number; stage: string; activity: string }) => `${x.sequence}:${x.stage}:${x.activity}`,
    ),
  ).toEqual([
    '1:FILING:FILING',
    '2:INVESTIGATION:ON_SITE_INSPECTION',
    '3:INVESTIGATION:DOCUMENT',
    '4:EVIDENCE:EVIDENCE_COLLECTION',
    '5:EXAMINATION:PRIOR_NOTICE',
    '6:EXAMINATION:WAIVER',
    '7:DECISION:DECISION',
    '8:SERVICE:SERVICE',
    '9:EXECUTION:EXECUTION',
    '10:EXECUTION:DOCUMENT',
    '11:ARCHIVED:ARCHIVE',
  ]);
  expect(c.entries.every((x: { hash: string }) => /^[0-9a-f]{64}$/.test(x.hash))).toBe(true);
  expect(c.entries[1].officers.map((o: { name: string }) => o.name)).toEqual(['张伟', '王芳']);

  // Every entry is a journal leaf whose hash is the entry's hash.
  const leaves = await sql<{ hash: string }>(
    p.databaseUrl,
    `select encode(l.leaf_hash, 'hex') as hash from records.journal_leaf l where l.case_id = $1 order by idx`,
    [caseId],
  );
  expect(leaves.map((l) => l.hash)).toEqual(c.entries.map((x: { hash: string }) => x.hash));

  const events = await sql<{ type: string; payload: any }>(
    p.databaseUrl,
    `select type, payload from records.outbox where subject_id = $1 order by position`,
    [caseId],
  );
  expect(events.map((x) => x.type)).toEqual([
    'CaseOpened',
    ...Array(7).fill('RecordAppended'),
    'DecisionRecorded',
    ...Array(4).fill('RecordAppended'),
    'CaseArchived',
  ]);
  const dr = events.find((x) => x.type === 'DecisionRecorded')!.payload;
  expect(dr).toEqual({
    caseId,
    caseNumber: '宁规罚〔2026〕1号',
    agencyId: w.agencyA,
    category: 'PENALTY',
    cause: '未取得建设工程规划许可证进行建设',
    party: { type: 'NATURAL_PERSON', name: '王某某', isMinor: false },
    outcome: '处罚',
    penaltyKinds: ['WARNING', 'FINE'],
    fineAmount: '5000.00',
    confiscationAmount: null,
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    facts: '当事人未取得建设工程规划许可证建设房屋',
    conclusion: '警告，并处罚款人民币伍仟元',
    decidedOn: shanghaiDate(),
    reviewId: null,
  });

  // Append-only at the database: even the owner cannot change or delete an entry.
  await expect(
    sql(p.databaseUrl, `update records.record_entry set summary = 'x' where case_id = $1`, [caseId]),
  ).rejects.toThrow(/append-only/);
  await expect(sql(p.databaseUrl, `delete from records.attachment where case_id = $1`, [caseId])).rejects.toThrow(
    /append-only/,
  );
});

test('the same walk breaks each rule once: the right code, and nothing written', async () => {
  const caseId = (
    await ok(
      OPEN,
      penaltyCase(w, '宁规罚〔2026〕2号', {
        party: { type: 'ORGANIZATION', name: '宁晋县某建筑有限公司', idNumber: '91130528MA0000000X' },
      }),
    )
  ).openCase.id;
  const entry = (x: Record<string, unknown>) => ({
    caseId,
    stage: 'INVESTIGATION',
    activity: 'ON_SITE_INSPECTION',
    occurredAt: now(),
    officerIds: [w.o1, w.o2],
    attachments: [video()],
    summary: '现场检查',
    ...x,
  });

  // Opening: a handler without a valid credential, another agency's officer, a duplicate number.
  await refused('CREDENTIAL_INVALID', OPEN, penaltyCase(w, '宁规罚〔2026〕3号', { handlerIds: [w.o1, w.o3] }));
  await refused('CREDENTIAL_INVALID', OPEN, penaltyCase(w, '宁规罚〔2026〕3号', { handlerIds: [w.o1, w.b1] }));
  await refused('CONFLICT', OPEN, penaltyCase(w, '宁规罚〔2026〕2号'));

  // Stage order: skipping EVIDENCE and EXAMINATION; deciding from FILING.
  const skip = await refused(
    'STAGE_ORDER',
    APPEND,
    entry({ stage: 'EXAMINATION', activity: 'DOCUMENT', attachments: [] }),
    caseId,
  );
  expect(skip.message).toMatch(/INVESTIGATION, EVIDENCE cannot be skipped/);
  // Two officers on site.
  const two = await refused('TWO_OFFICERS_REQUIRED', APPEND, entry({ officerIds: [w.o1] }), caseId);
  expect(two.message).toMatch(/officerIds/);
  // Audio-visual: only a photo on an on-site inspection; a seizure affecting major property without full-process video.
  await refused('AUDIO_VISUAL_REQUIRED', APPEND, entry({ attachments: [photo()] }), caseId);
  await refused(
    'AUDIO_VISUAL_REQUIRED',
    APPEND,
    entry({ activity: 'COERCIVE_MEASURE', affectsLibertyOrProperty: true, attachments: [video(false)] }),
    caseId,
  );
  // Credentials: expired; licensing-only; another agency's officer — each named.
  const expired = await refused('CREDENTIAL_INVALID', APPEND, entry({ officerIds: [w.o1, w.o3] }), caseId);
  expect(expired.message).toMatch(/李强.*HB-NJ-0003 is EXPIRED/);
  const scope = await refused('CREDENTIAL_INVALID', APPEND, entry({ officerIds: [w.o1, w.o4] }), caseId);
  expect(scope.message).toMatch(/赵敏.*does not cover PENALTY/);
  const foreign = await refused('CREDENTIAL_INVALID', APPEND, entry({ officerIds: [w.o1, w.b1] }), caseId);
  expect(foreign.message).toMatch(/刘洋.*another agency/);

  // Met: the inspection, then to EXAMINATION; a correction points at what it corrects.
  const first = (await ok(APPEND, entry({}))).appendRecord;
  const corr = (
    await ok(
      APPEND,
      entry({
        activity: 'NOTE',
        attachments: [],
        officerIds: [w.o1],
        summary: '更正：检查时间应为上午九时',
        correctsId: first.id,
      }),
    )
  ).appendRecord;
  const back = await p.gql(
    `query($id: ID!) { case(id: $id) { entries { id corrects { id sequence } } } }`,
    { id: caseId },
    { token: w.tokens.a },
  );
  expect(back.data.case.entries.find((x: { id: string }) => x.id === corr.id).corrects).toEqual({
    id: first.id,
    sequence: first.sequence,
  });
  await ok(
    APPEND,
    entry({ stage: 'EVIDENCE', activity: 'DOCUMENT', officerIds: [w.o1], attachments: [doc('调查笔录')] }),
  );
  await refused(
    'STAGE_ORDER',
    APPEND,
    entry({ stage: 'INVESTIGATION', activity: 'DOCUMENT', officerIds: [w.o1], attachments: [] }),
    caseId,
  );
  await ok(APPEND, entry({ stage: 'EXAMINATION', activity: 'DOCUMENT', officerIds: [w.o1], attachments: [] }));
  await serveNoticeWaived(p, w, caseId, { penaltyKinds: ['FINE'], fineAmount: '200000.00' });

  // A large fine for an organisation is major (review's statutory rule) and no review passed: REVIEW_REQUIRED.
  const major = {
    caseId,
    outcome: '处罚',
    penaltyKinds: ['FINE'],
    fineAmount: '200000.00',
    legalBasis: '《城乡规划法》第六十四条',
    facts: '未取得规划许可建设厂房',
    conclusion: '罚款贰拾万元',
    decidedOn: shanghaiDate(),
    officerIds: [w.o1, w.o2],
  };
  const rr = await refused('REVIEW_REQUIRED', DECIDE, major, caseId);
  expect(rr.message).toMatch(/较大数额|large fine/);
  // A decision signed by an officer without a valid credential.
  await refused('CREDENTIAL_INVALID', DECIDE, { ...major, fineAmount: '2000', officerIds: [w.o3] }, caseId);
  // Input that cannot be a decision.
  await refused('BAD_USER_INPUT', DECIDE, { ...major, fineAmount: null }, caseId);

  // Review stopped: the major decision is refused as DEPENDENCY_UNAVAILABLE, never let through.
  await p.stopSubgraph('review');
  try {
    await refused('DEPENDENCY_UNAVAILABLE', DECIDE, major, caseId);
  } finally {
    await p.restartSubgraph('review');
  }
  // Personnel stopped: credentials cannot be checked, so nothing is recorded.
  await p.stopSubgraph('personnel');
  try {
    await refused(
      'DEPENDENCY_UNAVAILABLE',
      APPEND,
      entry({ stage: 'EXAMINATION', activity: 'DOCUMENT', attachments: [] }),
      caseId,
    );
    await refused('DEPENDENCY_UNAVAILABLE', OPEN, penaltyCase(w, '宁规罚〔2026〕9号'));
  } finally {
    await p.restartSubgraph('personnel');
  }
  // A non-major decision on the same case goes through once both answer again.
  const d = (await ok(DECIDE, { ...major, fineAmount: '2000.00' })).recordDecision;
  expect(d.stage).toBe('DECISION');
  await refused('CONFLICT', DECIDE, { ...major, fineAmount: '2000.00' }, caseId);
});

test('a major decision is accepted after a PASSED review that covers it, and refused when it goes beyond the review', async () => {
  const admin = w.tokens.admin;
  const reg = await p.gql(
    `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id } }`,
    {
      i: {
        agencyId: w.agencyA,
        name: '李淑芬',
        position: '政策法规股股长',
        roles: ['LEGAL_REVIEWER'],
        legalProfessionQualified: true,
      },
    },
    { token: admin },
  );
  expect(reg.errors).toBeUndefined();
  const reviewer = await token({ role: Role.LEGAL_REVIEWER, sub: reg.data.registerOfficer.id, agencyId: w.agencyA });

  const caseId = (
    await ok(
      OPEN,
      penaltyCase(w, '宁规罚〔2026〕5号', {
        party: { type: 'ORGANIZATION', name: '宁晋县某房地产开发有限公司', idNumber: '91130528MA0000002X' },
        amountInvolved: '1800000.00',
      }),
    )
  ).openCase.id;
  for (const [stage, activity, attachments] of [
    ['INVESTIGATION', 'ON_SITE_INSPECTION', [video()]],
    ['EVIDENCE', 'EVIDENCE_COLLECTION', [video(), doc('调查笔录')]],
    ['EXAMINATION', 'DOCUMENT', [doc('行政处罚事先告知书')]],
  ] as const)
    await ok(APPEND, {
      caseId,
      stage,
      activity,
      occurredAt: now(),
      officerIds: [w.o1, w.o2],
      attachments,
      summary: `${activity}`,
    });
  // Announces more than will be decided, so that going beyond the review (not the notice) is what is refused.
  await serveNoticeWaived(p, w, caseId, {
    penaltyKinds: ['FINE', 'CONFISCATION'],
    fineAmount: '250000.00',
    confiscationAmount: '1000.00',
  });

  const proposal = {
    penaltyKinds: ['FINE'],
    fineAmount: '200000.00',
    legalBasis: '《中华人民共和国城乡规划法》第六十四条',
    summary: '限期改正，并处罚款200000元',
  };
  const sub = await p.gql(
    `mutation($i: SubmitForReviewInput!) { submitForReview(input: $i) { id } }`,
    { i: { caseId, proposedDecision: proposal } },
    { token: w.tokens.a },
  );
  expect(sub.errors).toBeUndefined();
  const reviewId = sub.data.submitForReview.id;
  expect(
    (await p.gql(`mutation($id: ID!) { startReview(reviewId: $id) { id } }`, { id: reviewId }, { token: reviewer }))
      .errors,
  ).toBeUndefined();
  const checklist = [
    'SUBJECT_QUALIFIED',
    'PROCEDURE_LAWFUL',
    'FACTS_CLEAR',
    'LAW_APPLIED_CORRECTLY',
    'DOCUMENTS_STANDARD',
    'REMEDY_NOTICE_CORRECT',
    'PENALTY_TYPE_APPROPRIATE',
    'PERFORMANCE_MANNER_TERM',
    'DISCRETION_REASONABLE',
  ]
    .map((code) => ({ code, answer: true, comment: '符合' }))
    .concat([{ code: 'CRIME_TRANSFER', answer: false, comment: '未达到刑事立案追诉标准' }]);
  const done = await p.gql(
    `mutation($i: CompleteReviewInput!) { completeReview(input: $i) { status } }`,
    { i: { reviewId, outcome: 'PASS', checklist, opinion: '事实清楚，证据确凿，适用法律正确，同意。' } },
    { token: reviewer },
  );
  expect(done.errors).toBeUndefined();
  expect(done.data.completeReview.status).toBe('PASSED');

  const decision = {
    caseId,
    outcome: '处罚',
    penaltyKinds: ['FINE'],
    fineAmount: '200000.00',
    legalBasis: proposal.legalBasis,
    facts: '未按规划许可建设，超建一层',
    conclusion: '限期改正，并处罚款贰拾万元',
    decidedOn: shanghaiDate(),
    officerIds: [w.o1, w.o2],
    attachments: [doc('处罚决定书')],
  };
  // A higher fine, or an extra kind of penalty, than was reviewed: not covered.
  await refused('REVIEW_REQUIRED', DECIDE, { ...decision, fineAmount: '250000.00' }, caseId);
  await refused(
    'REVIEW_REQUIRED',
    DECIDE,
    { ...decision, penaltyKinds: ['FINE', 'CONFISCATION'], confiscationAmount: '1000.00' },
    caseId,
  );
  const d = (await ok(DECIDE, decision)).recordDecision;
  expect(d).toEqual({
    id: caseId,
    stage: 'DECISION',
    decision: { outcome: '处罚', fineAmount: '200000.00', reviewId },
  });
  const [ev] = await sql<{ payload: { reviewId: string } }>(
    p.databaseUrl,
    `select payload from records.outbox where subject_id = $1 and type = 'DecisionRecorded'`,
    [caseId],
  );
  expect(ev.payload.reviewId).toBe(reviewId);
});
