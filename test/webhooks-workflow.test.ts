import { overrideConfig, Role } from '@tsp/shared';

import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { type Platform, startPlatform, token } from './kit/platform';
import {
  COMPLETE,
  lawfulPenaltyChecklist,
  openPenaltyCase,
  proposal,
  setupReviewWorld,
  START,
  SUBMIT,
} from './kit/review-fixtures';
import { Receiver, waitFor } from './kit/webhooks-receiver';

/** Webhooks fed by the real review workflow (records opens the case, review submits, starts and passes it). */
overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });

const SECRET = 'receiver-secret-0123456789';
let p: Platform;
let r: Receiver;

beforeAll(async () => {
  p = await startPlatform();
  r = await new Receiver().start();
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  const allowed = await p.gql(
    `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`,
    { h: r.hostPort },
    { token: admin },
  );
  expect(allowed.errors).toBeUndefined();
}, 120_000);
afterAll(async () => {
  await p?.stop();
  await r?.stop();
});

test("the real review workflow (submit, start, PASS) reaches the agency's integrator as ReviewSubmitted then ReviewPassed", async () => {
  const w = await setupReviewWorld(p);
  const reg = await p.gql(
    `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }`,
    { u: r.url, s: SECRET },
    { token: w.tokens.integratorA },
  );
  expect(reg.errors).toBeUndefined();
  const caseId = await openPenaltyCase(p, w.tokens.h1, [w.h1, w.h2], '宁市监罚〔2026〕901号');
  const submitted = await p.gql(SUBMIT, { i: { caseId, proposedDecision: proposal() } }, { token: w.tokens.h1 });
  expect(submitted.errors).toBeUndefined();
  const reviewId = submitted.data.submitForReview.id;
  expect((await p.gql(START, { id: reviewId }, { token: w.tokens.rq })).errors).toBeUndefined();
  const done = await p.gql(
    COMPLETE,
    { i: { reviewId, outcome: 'PASS', checklist: lawfulPenaltyChecklist(), opinion: '同意' } },
    { token: w.tokens.rq },
  );
  expect(done.errors).toBeUndefined();

  await waitFor('ReviewPassed at the receiver', () => r.requests.some((q) => q.body.type === 'ReviewPassed'));
  const got = r.requests.map((q) => q.body);
  expect(got.map((b) => b.type)).toEqual(['ReviewSubmitted', 'ReviewPassed']);
  expect(got[1]).toMatchObject({
    agencyId: w.agencyA,
    subjectId: reviewId,
    payload: { reviewId, caseId, caseNumber: '宁市监罚〔2026〕901号', status: 'PASSED', reviewerId: w.rq },
  });
  for (const q of r.requests)
    expect(verifyWebhookSignature(SECRET, q.headers['x-tsp-signature'] as string, q.raw).ok).toBe(true);
}, 120_000);
