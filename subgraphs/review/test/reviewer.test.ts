import { assertMayCountersign, assertMayReview, type ReviewerFacts } from '../src/rules/reviewer';

const AG = 'agency-a';
const ok: ReviewerFacts = {
  officerId: 'rev-1',
  tokenAgencyId: AG,
  reviewAgencyId: AG,
  handlerIds: ['h-1', 'h-2'],
  hasCompletedReview: false,
  officer: { agencyId: AG, roles: ['LEGAL_REVIEWER'], legalProfessionQualified: true },
};
const code = (f: () => void) => {
  try {
    f();
    return 'OK';
  } catch (e) {
    return (e as { extensions: { code: string } }).extensions.code;
  }
};

describe('who may review', () => {
  test('a qualified legal reviewer of the agency who does not handle the case may', () => {
    expect(code(() => assertMayReview(ok))).toBe('OK');
  });
  test('a reviewer of another agency may not', () => {
    expect(code(() => assertMayReview({ ...ok, tokenAgencyId: 'agency-b' }))).toBe('FORBIDDEN');
    expect(code(() => assertMayReview({ ...ok, officer: { ...ok.officer!, agencyId: 'agency-b' } }))).toBe('FORBIDDEN');
  });
  test('a handler of the case may not review it', () => {
    expect(() => assertMayReview({ ...ok, officerId: 'h-2', handlerIds: ['h-1', 'h-2'] })).toThrow(/handler/);
  });
  test('a first-time reviewer needs the legal professional qualification; an experienced one does not', () => {
    const unqualified = { ...ok, officer: { ...ok.officer!, legalProfessionQualified: false } };
    expect(() => assertMayReview(unqualified)).toThrow(/法律职业资格/);
    expect(code(() => assertMayReview({ ...unqualified, hasCompletedReview: true }))).toBe('OK');
  });
  test('an officer unknown to personnel or without the reviewer duty may not', () => {
    expect(code(() => assertMayReview({ ...ok, officer: null }))).toBe('FORBIDDEN');
    expect(code(() => assertMayReview({ ...ok, officer: { ...ok.officer!, roles: ['ENFORCEMENT'] } }))).toBe(
      'FORBIDDEN',
    );
  });
  test('the countersigner is neither the reviewer nor a handler', () => {
    expect(code(() => assertMayCountersign({ officerId: 'head', reviewerId: 'rev-1', handlerIds: ['h-1'] }))).toBe(
      'OK',
    );
    expect(code(() => assertMayCountersign({ officerId: 'rev-1', reviewerId: 'rev-1', handlerIds: ['h-1'] }))).toBe(
      'FORBIDDEN',
    );
    expect(code(() => assertMayCountersign({ officerId: 'h-1', reviewerId: 'rev-1', handlerIds: ['h-1'] }))).toBe(
      'FORBIDDEN',
    );
  });
});
