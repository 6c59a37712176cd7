/**
 * SQL for the event tables a subgraph's own migration creates in its own schema:
 * an outbox if it produces events, an inbox and cursors if it consumes them.
 */
export function outboxSql(schema: string): string[] {
  return [
    `create table ${schema}.outbox (
      position bigserial primary key,
      id uuid not null unique,
      type text not null,
      agency_id uuid not null,
      region text not null,
      subject_id text not null,
      occurred_at timestamptz not null,
      payload jsonb not null)`,
    `create index outbox_agency_position_idx on ${schema}.outbox (agency_id, position)`,
  ];
}

export function inboxSql(schema: string): string[] {
  return [
    `create table ${schema}.inbox (
      source text not null,
      event_id uuid not null,
      processed_at timestamptz not null default now(),
      primary key (source, event_id))`,
    `create table ${schema}.consumer_cursor (
      consumer text primary key,
      position bigint not null default 0,
      updated_at timestamptz not null default now())`,
  ];
}

/**
 * The outbox's `traceparent` the writing request's trace context, added by a later
 * migration of each producer.
 */
export function outboxTraceparentSql(schema: string): string[] {
  return [`alter table ${schema}.outbox add column traceparent text`];
}
