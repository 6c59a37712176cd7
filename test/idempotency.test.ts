import { Role, shanghaiDate } from '@tsp/shared';

import { sql } from './kit/db';
import { type GqlResult, type Platform, startPlatform, token } from './kit/platform';
import { code, openPenaltyCase, proposal, type ReviewWorld, setupReviewWorld, SUBMIT } from './kit/review-fixtures';

/**
 * Contract: writes carrying an Idempotency-Key header, repeated, have the effect of one — for the
 * mutations of personnel, review and disclosure, through the gateway; the key reused with other
 * arguments is CONFLICT. (Records: records-access.test.ts;
 * every mutation of the supergraph: idempotency-coverage.test.ts.)
 */
let p: Platform;
let w: ReviewWorld;
const today = shanghaiDate();

beforeAll(async () => {
  p = await startPlatform();
  w = await setupReviewWorld(p);
}, 120_000);
afterAll(async () => {
  await p?.stop();
});

const count = async (text: string, params: unknown[]) =>
  Number((await sql<{ n: string }>(p.databaseUrl, text, params))[0].n);
const keyed = (key: string) => ({ headers: { 'idempotency-key': key } });
const ok = <T>(r: GqlResult<T>): T => {
  expect(r.errors).toBeUndefined();
  return r.data!;
};

describe('personnel', () => {
  const TRAIN = `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) }`;
  const REGISTER = `mutation($i: RegisterOfficerInput!) { registerOfficer(input: $i) { id name } }`;
  const training = (topic: string) => ({ officerId: w.h1, day: today, hours: 2, topic });
  const rows = (topic: string) =>
    count(`select count(*) as n from personnel.training_record where officer_id = $1 and topic = $2`, [w.h1, topic]);

  test('recordTraining repeated with a key: the same year total, one training row; without a key each call counts', async () => {
    const first = ok(
      await p.gql(TRAIN, { i: training('行政处罚法专题') }, { token: w.tokens.admin, ...keyed('train-1') }),
    );
    const again = ok(
      await p.gql(TRAIN, { i: training('行政处罚法专题') }, { token: w.tokens.admin, ...keyed('train-1') }),
    );
    expect(again.recordTraining).toBe(first.recordTraining);
    expect(await rows('行政处罚法专题')).toBe(1);

    const a = ok(await p.gql(TRAIN, { i: training('执法文书制作') }, { token: w.tokens.admin }));
    const b = ok(await p.gql(TRAIN, { i: training('执法文书制作') }, { token: w.tokens.admin }));
    expect(b.recordTraining).toBe(a.recordTraining + 2);
    expect(await rows('执法文书制作')).toBe(2);
  });

  test('the same key for another mutation is CONFLICT and writes nothing; a key answers with the entity it created', async () => {
    const officer = { agencyId: w.agencyA, name: '郑强', position: '科员', roles: ['ENFORCEMENT'] };
    const named = () => count(`select count(*) as n from personnel.officer where name = '郑强'`, []);
    const conflict = await p.gql(REGISTER, { i: officer }, { token: w.tokens.admin, ...keyed('train-1') });
    expect(code(conflict)).toBe('CONFLICT');
    expect(conflict.errors?.[0].message).toContain('recordTraining');
    expect(await named()).toBe(0);

    const first = ok(await p.gql(REGISTER, { i: officer }, { token: w.tokens.admin, ...keyed('register-1') }));
    const again = ok(await p.gql(REGISTER, { i: officer }, { token: w.tokens.admin, ...keyed('register-1') }));
    expect(again.registerOfficer).toEqual(first.registerOfficer);
    expect(await named()).toBe(1);
  });

  test('the key reused with other arguments is CONFLICT and writes nothing; the same arguments in another order, or inline, replay', async () => {
    const officer = {
      agencyId: w.agencyA,
      name: '钱敏',
      position: '科员',
      roles: ['ENFORCEMENT'],
      phone: '13900000001',
    };
    const named = (name: string) => count(`select count(*) as n from personnel.officer where name = $1`, [name]);
    const first = ok(await p.gql(REGISTER, { i: officer }, { token: w.tokens.admin, ...keyed('register-2') }));

    const other = await p.gql(
      REGISTER,
      { i: { ...officer, name: '孙敏' } },
      { token: w.tokens.admin, ...keyed('register-2') },
    );
    expect(code(other)).toBe('CONFLICT');
    expect(other.errors?.[0].message).toMatch(/different arguments.*不同的参数/);
    expect(other.errors?.[0].extensions?.field).toBe('Idempotency-Key');
    expect(await named('孙敏')).toBe(0);

    // Fields in another order; then inline, with the default (legalProfessionQualified) spelled out.
    const reordered = Object.fromEntries(Object.entries(officer).reverse());
    const again = ok(await p.gql(REGISTER, { i: reordered }, { token: w.tokens.admin, ...keyed('register-2') }));
    expect(again.registerOfficer).toEqual(first.registerOfficer);
    const inline = `mutation { registerOfficer(input: { phone: "13900000001", legalProfessionQualified: false, roles: [ENFORCEMENT],
      position: "科员", name: "钱敏", agencyId: "${w.agencyA}" }) { id name } }`;
    const inlined = ok(await p.gql(inline, {}, { token: w.tokens.admin, ...keyed('register-2') }));
    expect(inlined.registerOfficer).toEqual(first.registerOfficer);
    expect(await named('钱敏')).toBe(1);
    expect(
      await count(
        `select count(*) as n from personnel.idempotency where key = 'register-2' and request_hash is not null`,
        [],
      ),
    ).toBe(1);

    // A key kept before fingerprints were stored (request_hash null) replays on key and operation alone, as it did.
    await sql(p.databaseUrl, `update personnel.idempotency set request_hash = null where key = 'register-2'`, []);
    const legacy = ok(
      await p.gql(REGISTER, { i: { ...officer, name: '孙敏' } }, { token: w.tokens.admin, ...keyed('register-2') }),
    );
    expect(legacy.registerOfficer).toEqual(first.registerOfficer);
    expect(await named('孙敏')).toBe(0);
  });
});

describe('review', () => {
  const RULE = `mutation($i: ReviewCatalogRuleInput!) { setReviewCatalogRule(input: $i) { id description active } }`;
  const SETTINGS = `mutation($i: ReviewSettingsInput!) { setReviewSettings(input: $i) { normalDays } }`;
  const rule = (description: string) => ({
    agencyId: w.agencyA,
    category: 'PENALTY',
    description,
    penaltyKinds: ['LICENCE_REVOCATION'],
    hearingHeld: false,
    legalBasis: '《重大执法决定法制审核办法》第六条',
  });
  const rules = (description: string) =>
    count(`select count(*) as n from review.catalog_rule where description = $1`, [description]);

  test('setReviewCatalogRule repeated with a key: the same rule, one row; without a key, two rules', async () => {
    const first = ok(await p.gql(RULE, { i: rule('吊销许可证件') }, { token: w.tokens.aHead, ...keyed('rule-1') }));
    const again = ok(await p.gql(RULE, { i: rule('吊销许可证件') }, { token: w.tokens.aHead, ...keyed('rule-1') }));
    expect(again.setReviewCatalogRule).toEqual(first.setReviewCatalogRule);
    expect(await rules('吊销许可证件')).toBe(1);

    const a = ok(await p.gql(RULE, { i: rule('责令关闭') }, { token: w.tokens.aHead }));
    const b = ok(await p.gql(RULE, { i: rule('责令关闭') }, { token: w.tokens.aHead }));
    expect(b.setReviewCatalogRule.id).not.toBe(a.setReviewCatalogRule.id);
    expect(await rules('责令关闭')).toBe(2);

    const settings = {
      agencyId: w.agencyA,
      normalDays: 7,
      complexDays: 12,
      largeAmountNaturalPerson: '20000.00',
      largeAmountOrganization: '200000.00',
    };
    const conflict = await p.gql(SETTINGS, { i: settings }, { token: w.tokens.aHead, ...keyed('rule-1') });
    expect(code(conflict)).toBe('CONFLICT');
    expect(await count(`select count(*) as n from review.review_settings where agency_id = $1`, [w.agencyA])).toBe(0);
  });

  test('submitForReview repeated with a key: the same review, one row and one ReviewSubmitted event', async () => {
    const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], '宁市监罚〔2026〕901号');
    const events = () =>
      count(`select count(*) as n from review.outbox where type = 'ReviewSubmitted' and payload->>'caseId' = $1`, [
        caseId,
      ]);
    const first = ok(
      await p.gql(
        SUBMIT,
        { i: { caseId, proposedDecision: proposal() } },
        { token: w.tokens.h1, ...keyed('submit-901') },
      ),
    );
    const again = ok(
      await p.gql(
        SUBMIT,
        { i: { caseId, proposedDecision: proposal() } },
        { token: w.tokens.h1, ...keyed('submit-901') },
      ),
    );
    expect(again.submitForReview).toEqual(first.submitForReview);
    expect(await count(`select count(*) as n from review.legal_review where case_id = $1`, [caseId])).toBe(1);
    expect(await events()).toBe(1);
    // Without the key the repeat is a second submission, refused while the first is open.
    expect(code(await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 }))).toBe(
      'CONFLICT',
    );
  });
});

describe('disclosure', () => {
  const INSPECTION = `mutation($i: InspectionResultInput!) { publishInspectionResult(input: $i) { id status caseNumber partyName } }`;
  const ITEM = `mutation($a: ID!, $i: EnforcementItemInput!) { upsertEnforcementItem(agencyId: $a, input: $i) { id } }`;
  const inspection = (inspectionNumber: string) => ({
    agencyId: w.agencyA,
    inspectionNumber,
    partyName: '宁晋县某某超市',
    partyType: 'ORGANIZATION',
    partyIsMinor: false,
    summary: '抽查食品经营许可及进货查验记录',
    conclusion: '未发现问题',
    legalBasis: '《食品安全法》第一百一十条',
    inspectedOn: today,
    publishNow: true,
  });
  const published = (n: string) =>
    count(`select count(*) as n from disclosure.publication where case_number = $1`, [n]);

  test('publishInspectionResult repeated with a key: the same publication, one row; without a key, two', async () => {
    const first = ok(
      await p.gql(INSPECTION, { i: inspection('宁市监抽〔2026〕1号') }, { token: w.tokens.h1, ...keyed('inspect-1') }),
    );
    const again = ok(
      await p.gql(INSPECTION, { i: inspection('宁市监抽〔2026〕1号') }, { token: w.tokens.h1, ...keyed('inspect-1') }),
    );
    expect(again.publishInspectionResult).toEqual(first.publishInspectionResult);
    expect(first.publishInspectionResult.status).toBe('PUBLISHED');
    expect(await published('宁市监抽〔2026〕1号')).toBe(1);
    // The repeat answers from the key: no second PublicationPublished either.
    const events = `select count(*) as n from disclosure.outbox where subject_id = $1`;
    expect(await count(events, [first.publishInspectionResult.id])).toBe(1);

    ok(await p.gql(INSPECTION, { i: inspection('宁市监抽〔2026〕2号') }, { token: w.tokens.h1 }));
    ok(await p.gql(INSPECTION, { i: inspection('宁市监抽〔2026〕2号') }, { token: w.tokens.h1 }));
    expect(await published('宁市监抽〔2026〕2号')).toBe(2);

    const item = {
      name: '食品经营许可',
      category: 'LICENSING',
      legalBasis: '《食品安全法》第三十五条',
      responsibleBody: '食品经营科',
    };
    const conflict = await p.gql(ITEM, { a: w.agencyA, i: item }, { token: w.tokens.h1, ...keyed('inspect-1') });
    expect(code(conflict)).toBe('CONFLICT');
    expect(await count(`select count(*) as n from disclosure.listing where agency_id = $1`, [w.agencyA])).toBe(0);
  });
});

test("keys are per caller: another user's identical key is a request of its own", async () => {
  const TRAIN = `mutation($i: RecordTrainingInput!) { recordTraining(input: $i) }`;
  const i = { officerId: w.h2, day: today, hours: 1, topic: '证据规则' };
  const before = await count(`select count(*) as n from personnel.training_record where officer_id = $1`, [w.h2]);
  ok(await p.gql(TRAIN, { i }, { token: w.tokens.admin, ...keyed('shared-key') }));
  ok(await p.gql(TRAIN, { i }, { token: await token({ role: Role.ADMIN, sub: 'admin-2' }), ...keyed('shared-key') }));
  expect(await count(`select count(*) as n from personnel.training_record where officer_id = $1`, [w.h2])).toBe(
    before + 2,
  );
});
