import { type DecisionRecordedPayload, integratorPayload, PartyType } from '@tsp/shared';

import { schemaErrors } from '../../test/kit/event-schemas';

const ID = '130528199001011234';
const decision = (party: DecisionRecordedPayload['party']): DecisionRecordedPayload => ({
  caseId: 'c1',
  caseNumber: '宁市监罚〔2026〕1号',
  agencyId: 'a1',
  category: 'PENALTY' as DecisionRecordedPayload['category'],
  cause: `${party.name}无照经营`,
  party,
  outcome: '罚款',
  penaltyKinds: [],
  fineAmount: '2000.00',
  confiscationAmount: null,
  legalBasis: '《无证无照经营查处办法》第十三条',
  facts: `经查，当事人${party.name}（身份证号：${ID}，手机13812345678）于2026年3月无照经营。`,
  conclusion: `对${party.name}罚款2000元`,
  decidedOn: '2026-04-01',
  reviewId: null,
});

describe('integratorPayload: DecisionRecorded', () => {
  test('an adult natural person: name as published (surname + **), ID and phone numbers removed', () => {
    const out = JSON.stringify(
      integratorPayload(
        'DecisionRecorded',
        decision({ type: PartyType.NATURAL_PERSON, name: '张三丰', isMinor: false }),
      ),
    );
    expect(out).not.toContain('张三丰');
    expect(out).not.toContain(ID);
    expect(out).not.toContain('13812345678');
    expect(out).toContain('"name":"张**"');
  });

  test('a minor: no name, no texts telling the facts; the structured decision stays', () => {
    const p = integratorPayload(
      'DecisionRecorded',
      decision({ type: PartyType.NATURAL_PERSON, name: '李小明', isMinor: true }),
    ) as Record<string, unknown>;
    expect(JSON.stringify(p)).not.toContain('李');
    expect(p.party).toEqual({ type: PartyType.NATURAL_PERSON, name: null, isMinor: true });
    expect([p.cause, p.facts, p.conclusion, p.outcome]).toEqual([null, null, null, null]);
    expect(p.fineAmount).toBe('2000.00');
    expect(schemaErrors('DecisionRecorded', p)).toEqual([]);
  });

  test('an organisation keeps its name; a number in its texts does not pass', () => {
    const org = '宁晋县恒达建材有限公司';
    const p = integratorPayload(
      'DecisionRecorded',
      decision({ type: PartyType.ORGANIZATION, name: org, isMinor: false }),
    );
    expect((p.party as { name: string }).name).toBe(org);
    expect(JSON.stringify(p)).not.toContain(ID);
    expect(schemaErrors('DecisionRecorded', p)).toEqual([]);
  });

  test('the same event always gives the same bytes (redeliveries and the log agree)', () => {
    const d = decision({ type: PartyType.NATURAL_PERSON, name: '王五', isMinor: false });
    expect(JSON.stringify(integratorPayload('DecisionRecorded', d))).toBe(
      JSON.stringify(integratorPayload('DecisionRecorded', structuredClone(d))),
    );
  });
});

test('CaseOpened: the cause typed by the officer is masked', () => {
  const p = integratorPayload('CaseOpened', {
    caseId: 'c1',
    caseNumber: 'n',
    agencyId: 'a1',
    category: 'PENALTY',
    cause: `当事人赵六（身份证号${ID}）无照经营`,
    partyType: PartyType.NATURAL_PERSON,
    filedAt: '2026-03-01T00:00:00.000Z',
    decisionDueOn: null,
    legacy: false,
  });
  expect(p.cause).not.toContain(ID);
  expect(p.cause).not.toContain('赵六');
  expect(schemaErrors('CaseOpened', p)).toEqual([]);
});

test('complaint payloads leave without the officer named and the case number', () => {
  // The case number points at the case's party, most often the complainant, and an agency's integrator reads
  // ComplaintSubmitted before the bureau has even decided to send the complaint there (or rejects it).
  const p = {
    complaintId: 'x',
    status: 'SUBMITTED',
    anonymous: false,
    officerId: 'officer-1',
    caseNumber: '宁规罚〔2026〕12号',
    dueOn: null,
    upheld: null,
  };
  const out = integratorPayload('ComplaintSubmitted', p);
  expect(out).toEqual({ ...p, officerId: null, caseNumber: null });
  expect(integratorPayload('ComplaintClosed', { ...p, status: 'CLOSED', upheld: true })).toMatchObject({
    officerId: null,
    caseNumber: null,
    upheld: true,
  });
  expect(schemaErrors('ComplaintSubmitted', out)).toEqual([]);
});

test('DecisionChallengeDecided: the case number is masked as DecisionRecorded masks it', () => {
  const p = {
    challengeId: 'x1',
    caseId: 'c1',
    caseNumber: `宁市监罚〔2026〕1号（当事人张三丰，身份证号${ID}）`,
    agencyId: 'a1',
    category: 'PENALTY',
    kind: 'RECONSIDERATION',
    body: '宁晋县人民政府',
    reference: '宁政复〔2026〕3号',
    filedOn: '2026-04-10',
    outcome: 'REVOKED',
    decidedOn: '2026-05-20',
    overturns: true,
    decisionDecidedOn: '2026-04-01',
  };
  const out = integratorPayload('DecisionChallengeDecided', p);
  expect(JSON.stringify(out)).not.toContain(ID);
  expect(JSON.stringify(out)).not.toContain('张三丰');
  expect(out).toMatchObject({ body: '宁晋县人民政府', reference: '宁政复〔2026〕3号', outcome: 'REVOKED' });
  expect(schemaErrors('DecisionChallengeDecided', out)).toEqual([]);
});
