import { Role, shanghaiDate } from '@tsp/shared';

import { uploadFixtureBlobs } from './kit/blobs';
import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { APPEND, doc, NOTICE, snapshot, video } from './kit/records-fixtures';
import {
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  type ReviewWorld,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';

/**
 * 告知、陈述申辩、听证与裁量基准 through the gateway: a penalty walks notice → defence → hearing → review →
 * decision, refused at each step the party's rights or the benchmark are not yet kept (行政处罚法 §44–§65,
 * 国办发〔2022〕27号). Cases are backdated to September 2026 so the record can span the National Day holiday:
 * entries may be recorded after the fact, never before the filing.
 */
let p: Platform;
let w: ReviewWorld;
let benchmarkId: string;
let otherBenchmarkId: string;
beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
  await uploadFixtureBlobs(p, w.tokens.h1);
  const bHead = await token({ role: Role.AGENCY_HEAD, sub: 'head-b', agencyId: w.agencyB });
  [benchmarkId, otherBenchmarkId] = [
    await publishBenchmark(w.agencyA, w.tokens.aHead),
    await publishBenchmark(w.agencyB, bHead),
  ];
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const code = (r: GqlResult) => r.errors?.[0]?.extensions?.code;
async function ok(q: string, v: Record<string, unknown>, tok = w.tokens.h1) {
  const r = await p.gql(q, v, { token: tok });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

/** An item and its benchmark: 从轻 10,000–50,000, 一般 50,000.01–150,000, 从重 150,000.01–300,000 yuan. */
async function publishBenchmark(agencyId: string, headToken: string): Promise<string> {
  const item = await ok(
    `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`,
    {
      a: agencyId,
      i: {
        name: '对销售不符合食品安全标准的食品的处罚',
        category: 'PENALTY',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        responsibleBody: '执法大队',
      },
    },
    headToken,
  );
  const b = await ok(
    `mutation($a: ID!, $i: DiscretionBenchmarkInput!) { upsertDiscretionBenchmark(agencyId: $a, input: $i) { id } }`,
    {
      a: agencyId,
      i: {
        enforcementItemId: item.upsertEnforcementItem.id,
        violation: '销售不符合食品安全标准的食品',
        legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
        tiers: [
          { tier: 'LENIENT', circumstances: '主动消除或者减轻危害后果', minFine: '10000', maxFine: '50000' },
          { tier: 'ORDINARY', circumstances: '一般情形', minFine: '50000.01', maxFine: '150000' },
          { tier: 'HEAVIER', circumstances: '造成严重后果', minFine: '150000.01', maxFine: '300000' },
        ],
        minorExemption: '货值金额不足500元，及时改正，未造成危害后果',
        firstViolationExemption: null,
      },
    },
    headToken,
  );
  return b.upsertDiscretionBenchmark.id;
}

const DECIDE = `mutation($i: RecordDecisionInput!) { recordDecision(input: $i) {
  stage decision { fineAmount reviewId benchmarkId discretionTier discretionDepartures departureReason } } }`;
const HEARING = `mutation($i: RecordHearingInput!) { recordHearing(input: $i) { hearing { chair { id } heldAt noticeServedOn } } }`;
const PROCEDURE = `query($id: ID!) { case(id: $id) { procedure {
  notice { penaltyKinds fineAmount hearingOffered statementWorkingDays }
  statementDueOn hearingRequestDueOn waivedOn hearingRequestedOn
  hearing { chair { id } noticeServedOn recorded } } entries { activity } } }`;

/** A case of agency A filed on 2026-09-01, investigated and examined, at EXAMINATION. */
async function investigatedCase(caseNumber: string): Promise<string> {
  const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], caseNumber);
  await sql(p.databaseUrl, `update records.enforcement_case set filed_at = '2026-09-01T09:00:00+08:00' where id = $1`, [
    caseId,
  ]);
  await entry(caseId, 'INVESTIGATION', 'ON_SITE_INSPECTION', '2026-09-02T10:00:00+08:00', [video()], [w.h1, w.h2]);
  await entry(caseId, 'EVIDENCE', 'EVIDENCE_COLLECTION', '2026-09-03T10:00:00+08:00', [video(), doc('调查笔录')]);
  await entry(caseId, 'EXAMINATION', 'DOCUMENT', '2026-09-25T10:00:00+08:00', [doc('案件审查意见书')], [w.h1]);
  return caseId;
}

function entry(
  caseId: string,
  stage: string,
  activity: string,
  occurredAt: string,
  attachments: unknown[],
  officerIds = [w.h1, w.h2],
) {
  return ok(APPEND, { i: { caseId, stage, activity, occurredAt, officerIds, attachments, summary: activity } });
}

const decision = (caseId: string, extra: Record<string, unknown> = {}) => ({
  caseId,
  outcome: '处罚',
  penaltyKinds: ['WARNING', 'FINE'],
  fineAmount: '150000.00',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  facts: '销售不符合食品安全标准的食品，货值金额一万二千元',
  conclusion: '警告，并处罚款壹拾伍万元',
  decidedOn: '2026-12-01',
  officerIds: [w.h1, w.h2],
  attachments: [doc('处罚决定书')],
  discretion: { benchmarkId, tier: 'ORDINARY' },
  ...extra,
});

/** A write refused with `expected` (and `reason`, when given), with nothing written. */
async function refused(expected: string, q: string, i: Record<string, unknown>, caseId: string, reason?: string) {
  const before = await snapshot(p, caseId);
  const r = await p.gql(q, { i }, { token: w.tokens.h1 });
  expect({ code: code(r), reason: reason && r.errors?.[0]?.extensions?.reason }).toEqual({ code: expected, reason });
  expect(await snapshot(p, caseId)).toEqual(before);
  return r.errors![0];
}

const notice = (caseId: string, servedAt: string, hearingOffered: boolean) => ({
  caseId,
  penaltyKinds: ['WARNING', 'FINE'],
  fineAmount: '150000',
  facts: '销售不符合食品安全标准的食品',
  legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
  hearingOffered,
  servedAt,
  officerIds: [w.h1, w.h2],
  attachments: [doc('行政处罚事先告知书')],
});

test('notice → defence → hearing → review → decision, refused at every step the party is not yet heard', async () => {
  const caseId = await investigatedCase('宁市监罚〔2026〕71号');
  await refused('PROCEDURE_REQUIRED', DECIDE, decision(caseId), caseId, 'NO_NOTICE');

  // A notice without the hearing a large fine for an organisation needs (较大数额 100,000, §63).
  const first = (await ok(NOTICE, { i: notice(caseId, '2026-09-29T10:00:00+08:00', false) })).servePriorNotice;
  // Five working days across National Day (10-01…07 off, 10-10 a make-up working day).
  expect(first.statementDueOn).toBe('2026-10-12');
  await refused('PROCEDURE_REQUIRED', DECIDE, decision(caseId), caseId, 'HEARING_NOT_OFFERED');

  // A new notice offering the hearing supersedes it; the party defends and asks for a hearing in time.
  await ok(NOTICE, { i: notice(caseId, '2026-10-09T10:00:00+08:00', true) });
  await entry(caseId, 'EXAMINATION', 'STATEMENT', '2026-10-10T10:00:00+08:00', [doc('陈述申辩笔录')], [w.h1]);
  await entry(caseId, 'EXAMINATION', 'HEARING_REQUEST', '2026-10-12T10:00:00+08:00', [doc('听证申请书')], [w.h1]);
  await refused('PROCEDURE_REQUIRED', DECIDE, decision(caseId), caseId, 'HEARING_NOT_HELD');

  await entry(caseId, 'EXAMINATION', 'HEARING_NOTICE', '2026-10-13T10:00:00+08:00', [doc('听证通知书')], [w.h1]);
  const hearing = (chairOfficerId: string, heldAt: string, attachments = [video(), doc('听证笔录')]) => ({
    caseId,
    chairOfficerId,
    officerIds: [w.h1],
    heldAt,
    summary: '听证会：调查人员提出违法事实、证据和处罚建议，当事人申辩和质证',
    attachments,
  });
  // An investigator may not chair (§64(四)); a hearing without its written record is no hearing (§64(八)).
  expect(
    (await refused('BAD_USER_INPUT', HEARING, hearing(w.h2, '2026-10-22T09:00:00+08:00'), caseId)).extensions,
  ).toMatchObject({ field: 'chairOfficerId' });
  await refused('BAD_USER_INPUT', HEARING, hearing(w.dual, '2026-10-22T09:00:00+08:00', [video()]), caseId);
  // Held three working days after the party was told: too soon (§64(二), 7 working days).
  await ok(HEARING, { i: hearing(w.dual, '2026-10-16T09:00:00+08:00') });
  await refused('PROCEDURE_REQUIRED', DECIDE, decision(caseId), caseId, 'HEARING_IMPROPER');
  const held = (await ok(HEARING, { i: hearing(w.dual, '2026-10-22T09:00:00+08:00') })).recordHearing.hearing;
  expect(held).toEqual({ chair: { id: w.dual }, heldAt: '2026-10-22T01:00:00.000Z', noticeServedOn: '2026-10-13' });

  // Heavier than announced needs a new notice (§45); as announced, review's gate is next: a hearing makes it major.
  await refused(
    'PROCEDURE_REQUIRED',
    DECIDE,
    decision(caseId, { fineAmount: '160000' }),
    caseId,
    'HEAVIER_THAN_NOTICE',
  );
  await refused('REVIEW_REQUIRED', DECIDE, decision(caseId), caseId);

  const proposedDecision = {
    penaltyKinds: ['WARNING', 'FINE'],
    fineAmount: '150000.00',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    summary: '拟给予警告，并处罚款150000元',
  };
  const reviewId = (await ok(SUBMIT, { i: { caseId, proposedDecision } })).submitForReview.id;
  await ok(START, { id: reviewId }, w.tokens.rq);
  const pass = { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist(), opinion: '程序合法，同意。' };
  expect((await ok(COMPLETE, { i: pass }, w.tokens.rq)).completeReview.status).toBe('PASSED');

  const decided = (await ok(DECIDE, { i: decision(caseId) })).recordDecision;
  expect(decided).toEqual({
    stage: 'DECISION',
    decision: {
      fineAmount: '150000.00',
      reviewId,
      benchmarkId,
      discretionTier: 'ORDINARY',
      discretionDepartures: [],
      departureReason: null,
    },
  });
  const c = (await ok(PROCEDURE, { id: caseId }, w.tokens.supervisor)).case;
  expect(c.procedure).toEqual({
    notice: {
      penaltyKinds: ['WARNING', 'FINE'],
      fineAmount: '150000.00',
      hearingOffered: true,
      statementWorkingDays: 5,
    },
    statementDueOn: '2026-10-15',
    hearingRequestDueOn: '2026-10-15',
    waivedOn: null,
    hearingRequestedOn: '2026-10-12',
    hearing: { chair: { id: w.dual }, noticeServedOn: '2026-10-13', recorded: true },
  });
  expect(c.entries.map((e: { activity: string }) => e.activity)).toEqual([
    'FILING',
    'ON_SITE_INSPECTION',
    'EVIDENCE_COLLECTION',
    'DOCUMENT',
    'PRIOR_NOTICE',
    'PRIOR_NOTICE',
    'STATEMENT',
    'HEARING_REQUEST',
    'HEARING_NOTICE',
    'HEARING',
    'HEARING',
    'DECISION',
  ]);
}, 120_000);

test('the period runs until the party waives; only the agency serves a notice, naming a penalty', async () => {
  const caseId = await investigatedCase('宁市监罚〔2026〕72号');
  const today = new Date().toISOString();
  const small = {
    fineAmount: '10000',
    discretion: { benchmarkId, tier: 'LENIENT' },
    decidedOn: shanghaiDate(),
  };
  await ok(NOTICE, { i: { ...notice(caseId, today, false), fineAmount: '10000' } });
  // Served today: the party has five working days to state and defend.
  await refused('PROCEDURE_REQUIRED', DECIDE, decision(caseId, small), caseId, 'PERIOD_NOT_ELAPSED');

  const foreign = await token({ role: Role.OFFICER, sub: w.bh1, agencyId: w.agencyB });
  const r = await p.gql(NOTICE, { i: notice(caseId, today, true) }, { token: foreign });
  expect(code(r)).toBe('FORBIDDEN');
  expect(code(await p.gql(NOTICE, { i: notice(caseId, today, true) }, { token: w.tokens.supervisor }))).toBe(
    'FORBIDDEN',
  );
  await refused('BAD_USER_INPUT', NOTICE, { ...notice(caseId, today, true), penaltyKinds: [] }, caseId);
  await refused('BAD_USER_INPUT', NOTICE, { ...notice(caseId, today, true), fineAmount: null }, caseId);

  await entry(caseId, 'EXAMINATION', 'WAIVER', today, [doc('放弃陈述申辩声明')], [w.h1]);
  const decided = (await ok(DECIDE, { i: decision(caseId, small) })).recordDecision;
  expect(decided.decision).toMatchObject({
    fineAmount: '10000.00',
    discretionTier: 'LENIENT',
    discretionDepartures: [],
  });
});

test('an agency sets its statement period; notices served afterwards carry it; the public reads it', async () => {
  const SET = `mutation($a: ID!, $n: Int!) { setStatementPeriod(agencyId: $a, workingDays: $n) { statementWorkingDays } }`;
  expect(code(await p.gql(SET, { a: w.agencyA, n: 7 }, { token: w.tokens.h1 }))).toBe('FORBIDDEN');
  expect(code(await p.gql(SET, { a: w.agencyA, n: 2 }, { token: w.tokens.aHead }))).toBe('BAD_USER_INPUT');
  expect((await ok(SET, { a: w.agencyA, n: 7 }, w.tokens.aHead)).setStatementPeriod.statementWorkingDays).toBe(7);
  const pub = await p.gql(
    `query($a: ID!) { agency(id: $a) { procedureSettings {
      statementWorkingDays hearingRequestWorkingDays hearingNoticeWorkingDays } } }`,
    { a: w.agencyA },
  );
  expect(pub.data.agency.procedureSettings).toEqual({
    statementWorkingDays: 7,
    hearingRequestWorkingDays: 5,
    hearingNoticeWorkingDays: 7,
  });
  const caseId = await investigatedCase('宁市监罚〔2026〕73号');
  const served = (await ok(NOTICE, { i: notice(caseId, '2026-09-29T10:00:00+08:00', true) })).servePriorNotice;
  // Seven working days from 09-29 across the holiday; the hearing window stays five.
  expect(served.statementDueOn).toBe('2026-10-14');
  await ok(SET, { a: w.agencyA, n: 5 }, w.tokens.aHead);
});

test('a fine outside the tier needs its reason and a covering review; the departure is a finding', async () => {
  const caseId = await investigatedCase('宁市监罚〔2026〕74号');
  const today = new Date().toISOString();
  await ok(NOTICE, {
    i: { ...notice(caseId, today, true), penaltyKinds: ['FINE'], fineAmount: '8000' },
  });
  await entry(caseId, 'EXAMINATION', 'WAIVER', today, [doc('放弃陈述申辩声明')], [w.h1]);
  const below = (extra: Record<string, unknown>) =>
    decision(caseId, { penaltyKinds: ['FINE'], fineAmount: '8000', decidedOn: shanghaiDate(), ...extra });

  // The agency has published benchmarks: a penalty must name one; another agency's is not the case's.
  const none = await refused('BAD_USER_INPUT', DECIDE, below({ discretion: null }), caseId);
  expect(none.extensions).toMatchObject({ field: 'discretion' });
  await refused(
    'BAD_USER_INPUT',
    DECIDE,
    below({ discretion: { benchmarkId: otherBenchmarkId, tier: 'LENIENT' } }),
    caseId,
  );
  await refused('BAD_USER_INPUT', DECIDE, below({ discretion: { benchmarkId, tier: 'NO_PENALTY' } }), caseId);

  // 8,000 is below 从轻's 10,000: without a reason, and without a review that covered it, refused.
  const lenient = { benchmarkId, tier: 'LENIENT' };
  const e = await refused('DISCRETION_DEPARTURE', DECIDE, below({ discretion: lenient }), caseId);
  expect(e.extensions).toMatchObject({ departures: ['FINE_OUTSIDE_TIER'] });
  const reason = '当事人系初次违法，主动召回全部问题食品，积极配合调查，依法减轻处罚';
  await refused('DISCRETION_DEPARTURE', DECIDE, below({ discretion: { ...lenient, departureReason: reason } }), caseId);

  // Disclosure stopped: the benchmark cannot be read, so nothing is decided.
  await p.stopSubgraph('disclosure');
  try {
    await refused('DEPENDENCY_UNAVAILABLE', DECIDE, below({ discretion: lenient }), caseId);
  } finally {
    await p.restartSubgraph('disclosure');
  }

  const proposedDecision = {
    penaltyKinds: ['FINE'],
    fineAmount: '8000.00',
    legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
    summary: '拟减轻处罚，罚款8000元',
    discretion: { ...lenient, circumstances: [], departureReason: reason },
  };
  const reviewId = (await ok(SUBMIT, { i: { caseId, proposedDecision } })).submitForReview.id;
  await ok(START, { id: reviewId }, w.tokens.rq);
  const pass = { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist(), opinion: '减轻处罚理由充分，同意。' };
  expect((await ok(COMPLETE, { i: pass }, w.tokens.rq)).completeReview.status).toBe('PASSED');

  // The review accepted a fine below the tier, not a penalty on a party that proved it was not at fault (§33¶2).
  const noFault = { ...lenient, departureReason: reason, circumstances: ['NO_FAULT'] };
  const unreviewed = await refused('DISCRETION_DEPARTURE', DECIDE, below({ discretion: noFault }), caseId);
  expect(unreviewed.extensions).toMatchObject({ departures: ['FINE_OUTSIDE_TIER', 'PENALTY_WHERE_EXEMPT'] });

  const decided = (await ok(DECIDE, { i: below({ discretion: { ...lenient, departureReason: reason } }) }))
    .recordDecision;
  expect(decided.decision).toEqual({
    fineAmount: '8000.00',
    reviewId,
    benchmarkId,
    discretionTier: 'LENIENT',
    discretionDepartures: ['FINE_OUTSIDE_TIER'],
    departureReason: reason,
  });
  const F = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId detail } } }`;
  const findings = (await ok(F, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings;
  expect(findings.filter((f: { kind: string }) => f.kind === 'DISCRETION_DEPARTURE')).toEqual([
    { kind: 'DISCRETION_DEPARTURE', subjectId: caseId, detail: expect.stringContaining(reason) },
  ]);
  expect((await ok(F, { a: w.agencyA }, w.tokens.otherSupervisor)).agency.recordFindings).toEqual([]);
});

test('legacy imports that bypassed notice or hearing are findings', async () => {
  const IMPORT = `mutation($i: ImportLegacyCaseInput!) { importLegacyCase(input: $i) { id } }`;
  const at = (day: string) => `${day}T10:00:00+08:00`;
  const legacy = (caseNumber: string, entries: Record<string, unknown>[]) => ({
    agencyId: w.agencyA,
    caseNumber,
    category: 'PENALTY',
    cause: '销售不符合食品安全标准的食品',
    party: { type: 'ORGANIZATION', name: '宁晋县某食品有限公司' },
    handlerIds: [w.h1, w.h2],
    filedAt: at('2026-09-01'),
    entries: [
      { stage: 'FILING', activity: 'FILING', occurredAt: at('2026-09-01'), officerIds: [w.h1], summary: '立案' },
      ...entries.map((e) => ({ officerIds: [w.h1], summary: String(e.activity), stage: 'EXAMINATION', ...e })),
    ],
    decision: {
      outcome: '处罚',
      penaltyKinds: ['FINE'],
      fineAmount: '120000',
      legalBasis: '《中华人民共和国食品安全法》第一百二十四条',
      facts: '销售不符合食品安全标准的食品',
      conclusion: '罚款壹拾贰万元',
      decidedOn: '2026-11-02',
      officerIds: [w.h1, w.h2],
    },
  });
  const admin = w.tokens.admin;
  // A case file of more than 500 entries is refused before anything is asked or written.
  const huge = legacy('宁市监罚〔2025〕9号', Array(501).fill({ activity: 'NOTE', occurredAt: at('2026-09-02') }));
  const r = await p.gql(IMPORT, { i: huge }, { token: admin });
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'entries' });
  const silent = (await ok(IMPORT, { i: legacy('宁市监罚〔2025〕1号', []) }, admin)).importLegacyCase.id;
  const denied = (
    await ok(
      IMPORT,
      {
        i: legacy('宁市监罚〔2025〕2号', [
          { activity: 'PRIOR_NOTICE', occurredAt: at('2026-10-09') },
          { activity: 'HEARING_REQUEST', occurredAt: at('2026-10-12') },
        ]),
      },
      admin,
    )
  ).importLegacyCase.id;
  const heard = (
    await ok(
      IMPORT,
      {
        i: legacy('宁市监罚〔2025〕3号', [
          { activity: 'PRIOR_NOTICE', occurredAt: at('2026-10-09') },
          { activity: 'HEARING_REQUEST', occurredAt: at('2026-10-12') },
          { activity: 'HEARING_NOTICE', occurredAt: at('2026-10-13') },
          {
            activity: 'HEARING',
            occurredAt: at('2026-10-22'),
            officerIds: [w.dual, w.h1],
            attachments: [{ ...doc('听证笔录') }],
          },
        ]),
      },
      admin,
    )
  ).importLegacyCase.id;
  const F = `query($a: ID!) { agency(id: $a) { recordFindings { kind subjectId } } }`;
  const kinds = (await ok(F, { a: w.agencyA }, w.tokens.supervisor)).agency.recordFindings.filter(
    (f: { kind: string }) => f.kind === 'DECISION_WITHOUT_NOTICE' || f.kind === 'HEARING_DENIED',
  );
  expect(kinds).toEqual(
    expect.arrayContaining([
      { kind: 'DECISION_WITHOUT_NOTICE', subjectId: silent },
      { kind: 'HEARING_DENIED', subjectId: denied },
    ]),
  );
  expect(kinds.filter((f: { subjectId: string }) => f.subjectId === heard)).toEqual([]);
  // The region's summary counts them (decided 2026-11-02).
  const SUMMARY = `query { supervisionSummary(region: "宁晋县", from: "2026-11-01", to: "2026-11-30") {
    agency { id } records { kind count } } }`;
  const summary = (await ok(SUMMARY, {}, w.tokens.supervisor)).supervisionSummary as {
    agency: { id: string };
    records: { kind: string; count: number }[];
  }[];
  expect(summary.find((x) => x.agency.id === w.agencyA)!.records).toEqual(
    expect.arrayContaining([
      { kind: 'DECISION_WITHOUT_NOTICE', count: 1 },
      { kind: 'HEARING_DENIED', count: 1 },
    ]),
  );
});

test('no decision dated before its notice, on a superseded notice waiver, or on a hearing before it', async () => {
  const caseId = await investigatedCase('宁市监罚〔2026〕75号');
  const at = (time: string) => `2026-10-09T${time}:00+08:00`;
  const terms = (fineAmount: string) => ({ penaltyKinds: ['FINE'], fineAmount });
  const decide = (fineAmount: string, decidedOn: string) =>
    decision(caseId, { ...terms(fineAmount), decidedOn, discretion: { benchmarkId, tier: 'LENIENT' } });

  await ok(NOTICE, { i: { ...notice(caseId, at('10:00'), false), ...terms('10000') } });
  await entry(caseId, 'EXAMINATION', 'WAIVER', at('11:00'), [doc('放弃陈述申辩声明')], [w.h1]);
  // Dated the day before the party was told anything: the waiver recorded afterwards cannot cure it.
  await refused('PROCEDURE_REQUIRED', DECIDE, decide('10000', '2026-10-08'), caseId, 'NO_NOTICE');

  // A heavier notice the same day supersedes the first: the earlier waiver gave up nothing of it.
  await ok(NOTICE, { i: { ...notice(caseId, at('12:00'), true), ...terms('20000') } });
  await refused('PROCEDURE_REQUIRED', DECIDE, decide('20000', '2026-10-09'), caseId, 'PERIOD_NOT_ELAPSED');
  expect((await ok(PROCEDURE, { id: caseId })).case.procedure.waivedOn).toBeNull();

  // A hearing cannot be dated before the notice it answers.
  const early = {
    caseId,
    chairOfficerId: w.dual,
    officerIds: [w.h1],
    heldAt: at('11:30'),
    summary: '听证会',
    attachments: [video(), doc('听证笔录')],
  };
  expect((await refused('BAD_USER_INPUT', HEARING, early, caseId)).extensions).toMatchObject({ field: 'heldAt' });

  // Waived after the notice in force: decided the same day.
  await entry(caseId, 'EXAMINATION', 'WAIVER', at('13:00'), [doc('放弃陈述申辩、听证声明')], [w.h1]);
  expect((await ok(DECIDE, { i: decide('20000', '2026-10-09') })).recordDecision.decision).toMatchObject({
    fineAmount: '20000.00',
    discretionDepartures: [],
  });
}, 120_000);

test('a case of another category cannot impose a penalty and so skip notice, hearing and benchmark', async () => {
  const caseId = await investigatedCase('宁市监罚〔2026〕76号');
  await sql(p.databaseUrl, `update records.enforcement_case set category = 'LICENSING' where id = $1`, [caseId]);
  const fine = { penaltyKinds: ['WARNING', 'FINE'], fineAmount: '5000', decidedOn: shanghaiDate(), discretion: null };
  const e = await refused('BAD_USER_INPUT', DECIDE, decision(caseId, fine), caseId);
  expect(e.extensions).toMatchObject({ field: 'penaltyKinds' });
  // Its own kind of decision, imposing nothing, is recorded (a licensing case, as its officers' credentials allow).
  const none = { ...fine, penaltyKinds: [], fineAmount: null, outcome: '准予许可', conclusion: '准予行政许可' };
  expect((await ok(DECIDE, { i: decision(caseId, none) })).recordDecision.stage).toBe('DECISION');
}, 120_000);
