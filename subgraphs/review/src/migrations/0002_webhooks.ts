import { Migration } from '@mikro-orm/migrations';

/** Integrator webhooks over review's outbox: endpoints with their own cursor, a delivery log, the ADMIN allowlist. */
export class ReviewWebhooks extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table review.webhook_allowed_host (
      host text primary key,
      added_by text not null,
      added_at timestamptz not null default now())`);

    // secret is replaced by secret_sealed (encrypted) in 0010.
    this.addSql(`create table review.webhook_endpoint (
      id uuid primary key,
      owner text not null,
      url text not null,
      secret text not null check (length(secret) >= 16),
      agency_ids uuid[] not null default '{}',
      region text,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      deactivated_at timestamptz,
      position bigint not null default 0 check (position >= 0),
      next_attempt_at timestamptz not null default now(),
      failed_attempts integer not null default 0,
      failing_since timestamptz,
      check (region is not null or cardinality(agency_ids) > 0))`);
    this.addSql(`create index webhook_endpoint_owner_idx on review.webhook_endpoint (owner, created_at)`);
    this.addSql(`create index webhook_endpoint_due_idx on review.webhook_endpoint (next_attempt_at) where active`);

    this.addSql(`create table review.webhook_delivery (
      id bigserial primary key,
      endpoint_id uuid not null references review.webhook_endpoint(id),
      event_id uuid not null,
      event_type text not null,
      position bigint not null,
      attempt integer not null check (attempt >= 1),
      http_status integer,
      error text,
      duration_ms integer not null,
      attempted_at timestamptz not null default now(),
      outcome text not null check (outcome in ('DELIVERED','FAILED_ATTEMPT','GAVE_UP')))`);
    this.addSql(`create index webhook_delivery_endpoint_idx on review.webhook_delivery (endpoint_id, id)`);
  }
}
