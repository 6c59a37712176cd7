import { Migration } from '@mikro-orm/migrations';

/**
 * Webhooks over more than review's own events. An endpoint names the event types it wants (null: every review
 * event type, what endpoints registered before received). Review's cursor and retry state stay on the endpoint
 * row, so existing endpoints keep their position; each other source (inspection) gets its own cursor and retry
 * state here, so a source that is down or a receiver refusing one source's event never holds up the other.
 */
export class ReviewWebhookSources extends Migration {
  async up(): Promise<void> {
    this.addSql(`alter table review.webhook_endpoint add column event_types text[]
      check (event_types is null or cardinality(event_types) > 0)`);

    this.addSql(`create table review.webhook_source_cursor (
      endpoint_id uuid not null references review.webhook_endpoint(id),
      source text not null check (source <> 'review'),
      position bigint not null default 0 check (position >= 0),
      start_after timestamptz,
      next_attempt_at timestamptz not null default now(),
      failed_attempts integer not null default 0,
      failing_since timestamptz,
      primary key (endpoint_id, source))`);
    this.addSql(`comment on column review.webhook_source_cursor.start_after is
      'The source''s head was unknown at registration: events that occurred before this are passed over, not sent'`);
    this.addSql(`create index webhook_source_cursor_due_idx on review.webhook_source_cursor (next_attempt_at)`);

    this.addSql(`alter table review.webhook_delivery add column source text not null default 'review'`);
  }
}
