import type { MigrationRenames } from '@tsp/shared';

import { ReviewInit } from './0001_init.js';
import { ReviewWebhooks } from './0002_webhooks.js';
import { ReviewWebhookSecretSealed } from './0003_webhook_secret_sealed.js';
import { ReviewIdempotency } from './0004_idempotency.js';
import { ReviewIdempotencyRequestHash } from './0005_idempotency_request_hash.js';
import { ReviewOutboxTraceparent } from './0006_outbox_traceparent.js';
import { ReviewWebhookSources } from './0007_webhook_sources.js';
import { ReviewDiscretion } from './0008_discretion.js';

export const migrations = [
  { name: '0001_review_init', class: ReviewInit },
  { name: '0002_review_webhooks', class: ReviewWebhooks },
  { name: '0003_review_webhook_secret_sealed', class: ReviewWebhookSecretSealed },
  { name: '0004_review_idempotency', class: ReviewIdempotency },
  { name: '0005_review_idempotency_request_hash', class: ReviewIdempotencyRequestHash },
  { name: '0006_review_outbox_traceparent', class: ReviewOutboxTraceparent },
  { name: '0007_review_webhook_sources', class: ReviewWebhookSources },
  { name: '0008_review_discretion', class: ReviewDiscretion },
];

/** Names databases migrated before the renumbering recorded (0009…0013), renamed before migrating. */
export const renamedMigrations: MigrationRenames = {
  '0009_review_webhooks': '0002_review_webhooks',
  '0010_review_webhook_secret_sealed': '0003_review_webhook_secret_sealed',
  '0011_review_idempotency': '0004_review_idempotency',
  '0012_review_idempotency_request_hash': '0005_review_idempotency_request_hash',
  '0013_review_outbox_traceparent': '0006_review_outbox_traceparent',
};
