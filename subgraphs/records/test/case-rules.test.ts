import { EnforcementCategory, FindingKind, PartyType, PenaltyKind, Role } from '@tsp/shared';

import { DEFAULT_AUDIO_VISUAL_LIST } from '../src/rules/audio-visual';
import { DEFAULT_CASE_FILE_REQUIREMENTS, missingDocuments } from '../src/rules/case-file';
import { decisionDueOn, extensionProblem, isOverdue, PENALTY_DECISION_DAYS } from '../src/rules/deadlines';
import { decisionProblem, penaltyOutsidePenaltyCase } from '../src/rules/decision';
import { recordFindings } from '../src/rules/findings';
import { AttachmentKind as K, RecordActivity as A } from '../src/rules/kinds';
import { canReadPartyPrivate, minorPartyProblem } from '../src/rules/party';
import { reviewGateProblem } from '../src/rules/review-gate';

describe('decision deadline (行政处罚法 §60: 90 days)', () => {
  test('penalty cases are due 90 days after filing; others have no statutory deadline here', () => {
    expect(PENALTY_DECISION_DAYS).toBe(90);
    expect(decisionDueOn(EnforcementCategory.PENALTY, '2026-01-01')).toBe('2026-04-01');
    expect(decisionDueOn(EnforcementCategory.LICENSING, '2026-01-01')).toBeNull();
  });
  test('overdue the day after the due date, never once decided', () => {
    expect(isOverdue({ dueOn: '2026-04-01', decided: false }, '2026-04-01')).toBe(false);
    expect(isOverdue({ dueOn: '2026-04-01', decided: false }, '2026-04-02')).toBe(true);
    expect(isOverdue({ dueOn: '2026-04-01', decided: true }, '2026-05-01')).toBe(false);
  });
  test('an extension must move the date later, before the decision, with a reason', () => {
    expect(extensionProblem({ dueOn: '2026-04-01', decided: false }, '2026-05-01', '案情复杂需进一步鉴定')).toBeNull();
    expect(extensionProblem({ dueOn: '2026-04-01', decided: false }, '2026-03-01', '案情复杂需进一步鉴定')).toMatch(
      /after/,
    );
    expect(extensionProblem({ dueOn: '2026-04-01', decided: true }, '2026-05-01', '案情复杂需进一步鉴定')).toMatch(
      /decision/,
    );
    expect(extensionProblem({ dueOn: null, decided: false }, '2026-05-01', '案情复杂需进一步鉴定')).toMatch(
      /no decision deadline/,
    );
    expect(extensionProblem({ dueOn: '2026-04-01', decided: false }, '2026-05-01', '无')).toMatch(/reason/);
  });
});

describe('case-file standard (案卷标准) before archiving', () => {
  test('meets: every required document present', () => {
    expect(
      missingDocuments(DEFAULT_CASE_FILE_REQUIREMENTS.PENALTY, [
        '立案审批表',
        '调查笔录',
        ' 处罚决定书',
        '送达回证',
        null,
      ]),
    ).toEqual([]);
  });
  test('breaks: names what is missing, in order', () => {
    expect(missingDocuments(DEFAULT_CASE_FILE_REQUIREMENTS.PENALTY, ['调查笔录'])).toEqual([
      '立案审批表',
      '处罚决定书',
      '送达回证',
    ]);
  });
});

describe('decision amounts and dates', () => {
  const base = {
    penaltyKinds: [PenaltyKind.FINE],
    fineAmount: '5000.00',
    confiscationAmount: null,
    decidedOn: '2026-03-01',
  };
  test('meets: a fine with its amount, decided between filing and today', () => {
    expect(decisionProblem(base, '2026-01-01', '2026-03-02')).toBeNull();
    expect(
      decisionProblem({ ...base, penaltyKinds: [PenaltyKind.WARNING], fineAmount: null }, '2026-01-01', '2026-03-02'),
    ).toBeNull();
  });
  test('breaks: fine without amount, amount without fine, confiscation without value, before filing, in the future', () => {
    expect(decisionProblem({ ...base, fineAmount: null }, '2026-01-01', '2026-03-02')?.[0]).toBe('fineAmount');
    expect(decisionProblem({ ...base, penaltyKinds: [PenaltyKind.WARNING] }, '2026-01-01', '2026-03-02')?.[0]).toBe(
      'fineAmount',
    );
    expect(
      decisionProblem(
        { ...base, penaltyKinds: [PenaltyKind.FINE, PenaltyKind.CONFISCATION] },
        '2026-01-01',
        '2026-03-02',
      )?.[0],
    ).toBe('confiscationAmount');
    expect(decisionProblem(base, '2026-03-05', '2026-03-10')?.[0]).toBe('decidedOn');
    expect(decisionProblem(base, '2026-01-01', '2026-02-01')?.[0]).toBe('decidedOn');
  });
});

describe('review gate (REVIEW_REQUIRED)', () => {
  test('meets: not major, or major and covered by a passed review', () => {
    expect(reviewGateProblem({ major: false, reasons: [], covered: true, problem: null })).toBeNull();
    expect(reviewGateProblem({ major: true, reasons: ['fine ≥ 50000'], covered: true, problem: null })).toBeNull();
  });
  test("breaks: major and not covered, with review's reasons in the message", () => {
    expect(
      reviewGateProblem({ major: true, reasons: ['罚款数额较大'], covered: false, problem: 'no PASSED review' }),
    ).toMatch(/no PASSED review.*罚款数额较大/);
  });
});

describe('party private details', () => {
  const c = { agencyId: 'A', region: '宁晋县' };
  test('the owning agency and the supervisor of its region read them', () => {
    expect(canReadPartyPrivate({ role: Role.OFFICER, agencyId: 'A' }, c)).toBe(true);
    expect(canReadPartyPrivate({ role: Role.SUPERVISOR, region: '宁晋县' }, c)).toBe(true);
  });
  test("another agency, another region's supervisor, admin, integrator and the public do not", () => {
    expect(canReadPartyPrivate({ role: Role.OFFICER, agencyId: 'B' }, c)).toBe(false);
    expect(canReadPartyPrivate({ role: Role.SUPERVISOR, region: '柏乡县' }, c)).toBe(false);
    expect(canReadPartyPrivate({ role: Role.ADMIN }, c)).toBe(false);
    expect(canReadPartyPrivate({ role: Role.INTEGRATOR, agencyId: 'A' }, c)).toBe(false);
    expect(canReadPartyPrivate({ role: null }, c)).toBe(false);
  });
});

describe('minor party (民法典 §17)', () => {
  test('meets: a natural person may be a minor; anyone may be an adult', () => {
    expect(minorPartyProblem(PartyType.NATURAL_PERSON, true)).toBeNull();
    expect(minorPartyProblem(PartyType.ORGANIZATION, false)).toBeNull();
  });

  test('breaks: an organisation cannot be a minor', () => {
    expect(minorPartyProblem(PartyType.ORGANIZATION, true)).toMatch(/natural person/);
  });
});

describe('records findings', () => {
  const entry = {
    id: 'e1',
    caseId: 'c1',
    caseNumber: '宁规罚〔2025〕1号',
    category: EnforcementCategory.PENALTY,
    sequence: 2,
    activity: A.ON_SITE_INSPECTION,
    affectsLibertyOrProperty: false,
    attachments: [] as { kind: K; fullProcess: boolean }[],
    occurredAt: new Date('2025-01-02T02:00:00Z'),
    credentialProblem: null as string | null,
  };
  test('reports overdue cases, listed activities without audio/video, and imported actions without a valid credential', () => {
    const f = recordFindings({
      agencyId: 'A',
      today: '2026-01-01',
      audioVisualList: DEFAULT_AUDIO_VISUAL_LIST,
      cases: [
        {
          id: 'c1',
          caseNumber: 'N1',
          category: EnforcementCategory.PENALTY,
          decisionDueOn: '2025-12-01',
          decided: false,
        },
        {
          id: 'c2',
          caseNumber: 'N2',
          category: EnforcementCategory.PENALTY,
          decisionDueOn: '2026-02-01',
          decided: false,
        },
      ],
      entries: [entry, { ...entry, id: 'e2', activity: A.DOCUMENT, credentialProblem: '张三: ZJ-1 is EXPIRED' }],
    });
    expect(f.map((x) => [x.kind, x.subjectId])).toEqual([
      [FindingKind.CASE_OVERDUE, 'c1'],
      [FindingKind.AUDIO_VISUAL_MISSING, 'e1'],
      [FindingKind.ACTION_WITHOUT_VALID_CREDENTIAL, 'e2'],
    ]);
    expect(f[0].since.toISOString()).toBe('2025-12-01T16:00:00.000Z');
  });
  test('reports a case whose journal does not verify', () => {
    const f = recordFindings({
      agencyId: 'A',
      today: '2026-01-01',
      audioVisualList: [],
      cases: [],
      entries: [],
      brokenJournals: [
        { caseId: 'c9', caseNumber: 'N9', category: EnforcementCategory.PENALTY, detail: 'entry e1 was altered' },
      ],
    });
    expect(f).toEqual([
      expect.objectContaining({
        kind: FindingKind.JOURNAL_NOT_INTACT,
        subjectId: 'c9',
        detail: expect.stringMatching(/altered/),
      }),
    ]);
  });
  test('reports nothing when the record is complete', () => {
    expect(
      recordFindings({
        agencyId: 'A',
        today: '2026-01-01',
        audioVisualList: DEFAULT_AUDIO_VISUAL_LIST,
        cases: [],
        entries: [{ ...entry, attachments: [{ kind: K.VIDEO, fullProcess: false }] }],
      }),
    ).toEqual([]);
  });
});

test('§9, §44: only a PENALTY case decides a penalty, so no other category skips notice, hearing and benchmark', () => {
  const fine = [PenaltyKind.WARNING, PenaltyKind.FINE];
  expect(penaltyOutsidePenaltyCase(EnforcementCategory.PENALTY, fine)).toBeNull();
  expect(penaltyOutsidePenaltyCase(EnforcementCategory.OTHER, [])).toBeNull();
  for (const c of [EnforcementCategory.OTHER, EnforcementCategory.COERCION, EnforcementCategory.LICENSING])
    expect(penaltyOutsidePenaltyCase(c, fine)?.[0]).toBe('penaltyKinds');
});
