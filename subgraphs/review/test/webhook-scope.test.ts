import { inScopeOfAny } from '../src/webhooks/scope';

const LEAD = '11111111-1111-4111-8111-111111111111';
const PARTNER = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';
const joint = { agencyId: LEAD, region: '宁晋县', payload: { agencyIds: [LEAD, PARTNER] } };

test('a joint inspection reaches the lead and the partner integrators, not another agency', () => {
  expect(inScopeOfAny({ agencyIds: [LEAD] }, joint)).toBe(true);
  expect(inScopeOfAny({ agencyIds: [PARTNER] }, joint)).toBe(true);
  expect(inScopeOfAny({ agencyIds: [OTHER] }, joint)).toBe(false);
  expect(inScopeOfAny({ region: '柏乡县' }, joint)).toBe(false);
});

test('an event without listed agencies (a review event) is scoped by its agency only; junk in the list is ignored', () => {
  expect(inScopeOfAny({ agencyIds: [PARTNER] }, { ...joint, payload: {} })).toBe(false);
  expect(inScopeOfAny({ agencyIds: [PARTNER] }, { ...joint, payload: { agencyIds: 'x' } })).toBe(false);
  expect(inScopeOfAny({ agencyIds: [PARTNER] }, { ...joint, payload: { agencyIds: [7, null] } })).toBe(false);
});
