import { ReviewInit } from './0001_init.js';
import { ReviewWebhooks } from './0009_webhooks.js';
import { ReviewWebhookSecretSealed } from './0010_webhook_secret_sealed.js';
import { ReviewIdempotency } from './0011_idempotency.js';
import { ReviewIdempotencyRequestHash } from './0012_idempotency_request_hash.js';
import { ReviewOutboxTraceparent } from './0013_outbox_traceparent.js';

export const migrations = [
  { name: '0001_review_init', class: ReviewInit },
  { name: '0009_review_webhooks', class: ReviewWebhooks },
  { name: '0010_review_webhook_secret_sealed', class: ReviewWebhookSecretSealed },
  { name: '0011_review_idempotency', class: ReviewIdempotency },
  { name: '0012_review_idempotency_request_hash', class: ReviewIdempotencyRequestHash },
  { name: '0013_review_outbox_traceparent', class: ReviewOutboxTraceparent },
];
