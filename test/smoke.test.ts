import { Role } from '@tsp/shared';

import { type Platform, startPlatform, token } from './kit/platform';

let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
});
afterAll(async () => {
  await p?.stop();
});

test('an agency created by an admin is visible publicly across all five subgraphs', async () => {
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const created = await p.gql(
    `mutation($i: CreateAgencyInput!) { createAgency(input: $i) { id name } }`,
    { i: { code: 'T01', name: '测试局', kind: 'PLANNING', region: '宁晋县', legalOfficeName: '法制股' } },
    { token: admin },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data.createAgency.id;
  const r = await p.gql(
    `{ agencies(region: "宁晋县") { id name reviewerStaffing { compliant required } caseCount reviewCatalog { id } enforcementItems { id } inspectionItems { id } } }`,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.agencies).toEqual([
    {
      id,
      name: '测试局',
      reviewerStaffing: { compliant: false, required: 1 },
      caseCount: null,
      reviewCatalog: [],
      enforcementItems: [],
      inspectionItems: [],
    },
  ]);
});
