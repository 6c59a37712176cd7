import { blobUploader } from '@tsp/scripts/seed/index';
import { seedPersonnel } from '@tsp/scripts/seed/personnel';
import { type SeededReviews, seedReviews } from '@tsp/scripts/seed/reviews';
import { Role, type TokenClaims } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

/** The review demo seed runs through the API on top of the personnel seed, and shows supervision working. */
let p: Platform;
let seeded: SeededReviews;
let agencies: Awaited<ReturnType<typeof seedPersonnel>>['agencies'];

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'seed-admin' });
  const personnel = await seedPersonnel((q, v) => p.gql(q, v as Record<string, unknown>, { token: admin }));
  agencies = personnel.agencies;
  const as = async (claims: TokenClaims, q: string, v?: Record<string, unknown>) => {
    const r = await p.gql(q, v, { token: await token(claims) });
    if (r.errors) throw new Error(`${q.slice(0, 60)}: ${JSON.stringify(r.errors)}`);
    return r.data;
  };
  seeded = await seedReviews(as, personnel, blobUploader(p.gatewayUrl));
}, 240_000);
afterAll(async () => {
  await p?.stop();
});

test('catalogues, and reviews in every state, with one overdue for the supervisor', async () => {
  expect(seeded.catalogueRules).toBeGreaterThanOrEqual(15);
  expect(seeded.reviews.map((r) => r.status).sort()).toEqual([
    'COORDINATION',
    'IN_REVIEW',
    'PASSED',
    'RETURNED',
    'SUBMITTED',
  ]);
  const sup = await token({ role: Role.SUPERVISOR, sub: 'sfj', region: '宁晋县' });
  const r = await p.gql(
    `{ agencies(region: "宁晋县") { name reviewCatalog { description automatic } reviewFindings { kind subjectId } } }`,
    {},
    { token: sup },
  );
  expect(r.errors).toBeUndefined();
  const planning = r.data.agencies.find((a: { name: string }) => a.name === '宁晋县城乡规划局');
  const overdue = seeded.reviews.find((x) => x.status === 'IN_REVIEW')!;
  expect(planning.reviewFindings).toEqual([{ kind: 'REVIEW_OVERDUE', subjectId: overdue.reviewId }]);
  expect(
    planning.reviewCatalog.some(
      (c: { description: string; automatic: boolean }) =>
        c.description === '拟强制拆除违法建筑物、构筑物的' && !c.automatic,
    ),
  ).toBe(true);
  const market = await p.gql(
    `query($a: ID!) { agency(id: $a) { reviewSettings { normalDays complexDays isDefault } } }`,
    { a: agencies.marketRegulation.id },
  );
  expect(market.data.agency.reviewSettings).toEqual({ normalDays: 5, complexDays: 10, isDefault: false });
});
