import { EnforcementCategory, FindingKind, PartyType, PenaltyKind, WorkingCalendar } from '@tsp/shared';

import { parseDecisionRecorded } from '../src/events/decision-payload';
import { annualTotals } from '../src/rules/annual-report';
import { disclosureFindings } from '../src/rules/findings';
import { PublicationStatus } from '../src/rules/kinds';
import {
  assertPublishable,
  assertWithdrawable,
  draftFromDecision,
  effectiveStatus,
  MINOR_REASON,
  publiclyVisible,
} from '../src/rules/publication';

const payload = {
  caseId: '7b0c9a4e-1111-4111-8111-111111111111',
  caseNumber: '宁规罚〔2026〕12号',
  agencyId: '7b0c9a4e-2222-4222-8222-222222222222',
  category: 'PENALTY',
  cause: '未取得建设工程规划许可证进行建设',
  party: { type: 'NATURAL_PERSON', name: '欧阳春花', isMinor: false },
  outcome: '处罚',
  penaltyKinds: ['FINE'],
  fineAmount: '20000',
  confiscationAmount: null,
  legalBasis: '《城乡规划法》第六十四条',
  facts: '欧阳春花（身份证13052819900101123X，电话13812345678）在宁晋县凤凰镇东马庄村3组建房',
  conclusion: '对欧阳春花罚款20000元',
  decidedOn: '2026-09-29',
  reviewId: null,
};

describe('drafts from DecisionRecorded', () => {
  test('a draft is masked and due on the official calendar', () => {
    const parsed = parseDecisionRecorded(payload);
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.fineAmount).toBe('20000.00');
    const d = draftFromDecision(parsed.value, new WorkingCalendar());
    expect(d.dueOn).toBe('2026-10-14');
    expect(d.partyName).toBe('欧阳**');
    expect(`${d.summary}${d.conclusion}`).not.toMatch(/春花|13052819900101123X|13812345678|凤凰镇/);
    expect(d.publishable).toBe(true);
  });

  test('a minor party: not publishable, no personal data kept', () => {
    const parsed = parseDecisionRecorded({ ...payload, party: { ...payload.party, isMinor: true } });
    if (!parsed.ok) throw new Error(parsed.problem);
    const d = draftFromDecision(parsed.value, new WorkingCalendar());
    expect(d.publishable).toBe(false);
    expect(d.notPublishableReason).toBe(MINOR_REASON);
    expect(d.partyNamePrivate).toBeNull();
    expect(JSON.stringify(d)).not.toContain('欧阳');
    expect(() =>
      assertPublishable({ status: PublicationStatus.DRAFT, publishable: false, notPublishableReason: MINOR_REASON }),
    ).toThrow(/minor/);
  });

  test('a payload without isMinor is treated as a possible minor; broken payloads are refused in words', () => {
    const { isMinor: _drop, ...party } = payload.party;
    const parsed = parseDecisionRecorded({ ...payload, party });
    expect(parsed.ok && parsed.value.party.isMinor).toBe(true);
    const bad = parseDecisionRecorded({ ...payload, decidedOn: '2026-02-30' });
    expect(bad.ok).toBe(false);
  });
});

describe("disclosure's reading of the DecisionRecorded contract", () => {
  test('text it only quotes may be missing, unknown penalty kinds are dropped, amounts are normalised', () => {
    const { facts: _f, outcome: _o, ...rest } = payload;
    const parsed = parseDecisionRecorded({ ...rest, penaltyKinds: ['FINE', 'FLOGGING'], fineAmount: '20000.5' });
    if (!parsed.ok) throw new Error(parsed.problem);
    expect([parsed.value.facts, parsed.value.outcome]).toEqual(['', '']);
    expect(parsed.value.penaltyKinds).toEqual(['FINE']);
    expect(parsed.value.fineAmount).toBe('20000.50');
  });

  test('a payload without the case, the category or the party is refused naming the fields, not their values', () => {
    const { caseId: _c, ...noCase } = payload;
    const bad = parseDecisionRecorded({ ...noCase, category: 'PARKING', party: { name: '欧阳春花' } });
    expect(bad.ok).toBe(false);
    const problem = bad.ok ? '' : bad.problem;
    expect(problem).toMatch(/caseId/);
    expect(problem).toMatch(/category/);
    expect(problem).toMatch(/party\.type/);
    expect(problem).not.toMatch(/欧阳|PARKING/);
  });
});

describe('status and visibility', () => {
  const published = { status: PublicationStatus.PUBLISHED as const, publishable: true, expiresOn: '2026-12-31' };
  test('published items expire after their last day', () => {
    expect(effectiveStatus(published, '2026-12-31')).toBe(PublicationStatus.PUBLISHED);
    expect(effectiveStatus(published, '2027-01-01')).toBe(PublicationStatus.EXPIRED);
    expect(publiclyVisible(published, '2027-01-01')).toBe(false);
    expect(publiclyVisible({ ...published, status: PublicationStatus.WITHDRAWN }, '2026-10-01')).toBe(false);
    expect(publiclyVisible({ ...published, status: PublicationStatus.DRAFT }, '2026-10-01')).toBe(false);
  });
  test('only published items can be withdrawn; only drafts published', () => {
    expect(() => assertWithdrawable({ ...published, status: PublicationStatus.DRAFT }, '2026-10-01')).toThrow(
      /PUBLISHED/,
    );
    expect(() => assertWithdrawable(published, '2027-01-01')).toThrow(/EXPIRED/);
    expect(() => assertPublishable(published)).toThrow(/DRAFT/);
  });
});

describe('findings', () => {
  const base = {
    agencyId: 'a',
    now: new Date(),
    overdueDrafts: [],
    pendingWithdrawals: [],
    visibleButGone: [],
    reportedYears: [2025],
  };
  test('a draft past its due day is overdue; on its due day it is not', () => {
    const d = { id: 'p1', caseNumber: 'X', category: EnforcementCategory.PENALTY, dueOn: '2026-10-14' };
    expect(disclosureFindings({ ...base, today: '2026-10-14', overdueDrafts: [d] })).toEqual([]);
    const f = disclosureFindings({ ...base, today: '2026-10-15', overdueDrafts: [d] });
    expect(f.map((x) => x.kind)).toEqual([FindingKind.PUBLICATION_OVERDUE]);
    expect(f[0].since.toISOString()).toBe('2026-10-14T16:00:00.000Z');
  });
  test('annual report missing only after 31 January', () => {
    expect(disclosureFindings({ ...base, reportedYears: [], today: '2026-01-31' })).toEqual([]);
    expect(disclosureFindings({ ...base, reportedYears: [], today: '2026-02-01' }).map((x) => x.kind)).toEqual([
      FindingKind.ANNUAL_REPORT_MISSING,
    ]);
    expect(disclosureFindings({ ...base, reportedYears: [2025], today: '2026-02-01' })).toEqual([]);
  });
  test('withdrawn still visible and overdue withdrawals are reported', () => {
    const f = disclosureFindings({
      ...base,
      today: '2026-10-20',
      pendingWithdrawals: [
        { id: 'p2', caseNumber: 'Y', category: EnforcementCategory.PENALTY, withdrawalDueOn: '2026-10-19' },
      ],
      visibleButGone: [{ id: 'p3', caseNumber: 'Z', category: EnforcementCategory.PENALTY, why: '已撤回' }],
    });
    expect(f.map((x) => x.kind).sort()).toEqual([FindingKind.WITHDRAWAL_OVERDUE, FindingKind.WITHDRAWN_STILL_VISIBLE]);
  });
});

describe('annual totals', () => {
  test('counts per category and outcome, exact money, on time vs late', () => {
    const t = annualTotals(
      [
        {
          category: EnforcementCategory.PENALTY,
          outcome: '罚款',
          fineAmount: '0.10',
          confiscationAmount: null,
          dueOn: '2025-03-10',
          publishedOn: '2025-03-10',
          publishable: true,
        },
        {
          category: EnforcementCategory.PENALTY,
          outcome: '罚款',
          fineAmount: '0.20',
          confiscationAmount: '5.00',
          dueOn: '2025-03-10',
          publishedOn: '2025-03-11',
          publishable: true,
        },
        {
          category: EnforcementCategory.LICENSING,
          outcome: '准予许可',
          fineAmount: null,
          confiscationAmount: null,
          dueOn: '2025-03-10',
          publishedOn: null,
          publishable: true,
        },
        {
          category: EnforcementCategory.PENALTY,
          outcome: '警告',
          fineAmount: null,
          confiscationAmount: null,
          dueOn: '2025-03-10',
          publishedOn: null,
          publishable: false,
        },
      ],
      { passed: 2, returned: 1, failed: 0 },
    );
    expect(t.decisions).toBe(4);
    expect(t.finesTotal).toBe('0.30');
    expect(t.confiscationsTotal).toBe('5.00');
    expect(t.byCategory).toEqual([
      { category: 'LICENSING', count: 1 },
      { category: 'PENALTY', count: 3 },
    ]);
    expect(t.byOutcome[0]).toEqual({ outcome: '罚款', count: 2 });
    expect([t.publishedOnTime, t.publishedLate, t.unpublished, t.withheld]).toEqual([1, 1, 1, 1]);
    void PartyType;
    void PenaltyKind;
  });
});
