/**
 * What several instances of the subgraphs must do once, read from the database after the fact: each event in each
 * consumer's inbox once, each webhook delivery once, journal audits that never overlap. Shared by
 * test/multi-instance.test.ts and `npm run bench -- --instances 2`.
 */
export type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

const n = async (q: Query, text: string, params: unknown[] = []) => Number((await q<{ n: string }>(text, params))[0].n);

/** The consumers of records' events, the events the bench and the test write most. */
export const RECORDS_CONSUMERS = [
  { schema: 'disclosure', consumer: 'disclosure.decisions' },
  { schema: 'review', consumer: 'review.decisions' },
] as const;

/** Events of `source` not yet read by a consumer: the outbox's head minus the consumer's cursor. */
export async function consumerLag(q: Query, schema: string, consumer: string, source: string): Promise<number> {
  const head = await n(q, `select coalesce(max(position), 0) as n from ${source}.outbox`);
  const at = await n(q, `select coalesce(max(position), 0) as n from ${schema}.consumer_cursor where consumer = $1`, [
    consumer,
  ]);
  return head - at;
}

/**
 * Events of `source` and how many of them are in `schema`'s inbox. The inbox holds an event id at most once (its
 * primary key) in the transaction of its effect, so equal counts mean each event was applied once, none skipped.
 */
export async function inboxCount(q: Query, schema: string, source: string): Promise<{ events: number; inbox: number }> {
  return {
    events: await n(q, `select count(*) as n from ${source}.outbox`),
    inbox: await n(
      q,
      `select count(*) as n from ${schema}.inbox i join ${source}.outbox o on o.id::text = i.event_id::text
        where i.source = $1`,
      [source],
    ),
  };
}

/** Events an endpoint's delivery log holds more than once, or not as one DELIVERED row; [] when each went once. */
export async function webhookRepeats(
  q: Query,
  endpointId: string,
): Promise<{ event_id: string; n: string; outcomes: string }[]> {
  return q(
    `select event_id::text, count(*)::text as n, string_agg(outcome, ',') as outcomes from review.webhook_delivery
      where endpoint_id = $1 group by event_id having count(*) <> 1 or string_agg(outcome, ',') <> 'DELIVERED'`,
    [endpointId],
  );
}

export interface AuditRun {
  seq: string;
  at: string;
  from_size: string;
  tree_size: string;
  ok: boolean;
  problems: unknown[];
}

export const journalAudits = (q: Query) =>
  q<AuditRun>(
    // By the column, not the text alias of the same name (which sorts 10 before 2).
    `select seq::text, at::text, from_size::text, tree_size::text, ok, problems from records.journal_audit a
      order by a.seq`,
  );

/**
 * How the journal audits went: runs that failed, runs that did not start where the previous ended (two runs
 * overlapping start at the same size), whether together they cover the journal from 0 to the last size exactly
 * once, and checkpoints signed twice for one size.
 */
export async function auditOverlaps(q: Query): Promise<{
  runs: AuditRun[];
  failed: AuditRun[];
  breaks: AuditRun[];
  coveredOnce: boolean;
  checkpointRepeats: number;
}> {
  const runs = await journalAudits(q);
  const covered = runs.reduce((sum, a) => sum + Number(a.tree_size) - Number(a.from_size), 0);
  return {
    runs,
    failed: runs.filter((a) => !a.ok),
    breaks: runs.slice(1).filter((a, i) => a.from_size !== runs[i].tree_size),
    coveredOnce: covered === Number(runs.at(-1)?.tree_size ?? 0),
    checkpointRepeats: await n(q, `select count(*) - count(distinct size) as n from records.checkpoint`),
  };
}
