import { Role, signDevToken } from '@tsp/shared';
import { Client } from 'pg';

import {
  auditOverlaps,
  type AuditRun,
  consumerLag,
  inboxCount,
  type Query,
  RECORDS_CONSUMERS,
  webhookRepeats,
} from '../once-checks.js';
import type { HookReceiver } from './receiver.js';

/** Webhook endpoints the bench registers: two, so both review instances can deliver at once (one each). */
const PATHS = ['/hooks/1', '/hooks/2'];

async function gql(url: string, token: string, query: string, variables: Record<string, unknown>) {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await r.json()) as { data?: Record<string, { id?: string }>; errors?: unknown[] };
  if (json.errors?.length || !json.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(json.errors)}`);
  return json.data;
}

/**
 * Registers the receiver's endpoints for RecordAppended of `agencyId` (the agency the appends go to), so every
 * append of the load is delivered twice over: once per endpoint.
 */
export async function registerHooks(gatewayUrl: string, receiver: HookReceiver, agencyId: string): Promise<string[]> {
  const admin = await signDevToken({ role: Role.ADMIN, sub: 'bench-admin' }, '6h');
  const integrator = await signDevToken({ role: Role.INTEGRATOR, sub: 'bench-integrator', agencyId }, '6h');
  await gql(gatewayUrl, admin, `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`, {
    h: receiver.hostPort,
  });
  const ids: string[] = [];
  for (const path of PATHS) {
    const d = await gql(
      gatewayUrl,
      integrator,
      `mutation($u: String!, $s: String!, $t: [String!]) { registerWebhook(url: $u, secret: $s, eventTypes: $t) { id } }`,
      { u: receiver.url(path), s: 'bench-webhook-secret-0123456789', t: ['RecordAppended'] },
    );
    ids.push(d.registerWebhook.id!);
  }
  return ids;
}

export interface OnceReport {
  /** RecordAppended events written (each due once at each endpoint). */
  appended: number;
  consumers: { consumer: string; events: number; inbox: number }[];
  webhooks: { endpoint: string; delivered: number; received: number; repeatsInLog: number; repeatsReceived: number }[];
  audits: { runs: number; runsSince: number; failed: number; breaks: number; coveredOnce: boolean };
  /** Each run that did not start where the previous ended, after that previous run (at most five). */
  auditBreaks: AuditRun[][];
  checkpointRepeats: number;
  /** Seconds until the consumers and the webhooks had caught up with the load. */
  drainSeconds: number;
  ok: boolean;
}

/**
 * After the load, with the instances still running: waits until both consumers of records have read every event
 * and every endpoint has been sent every RecordAppended, then checks from the database (and the receiver) that
 * each was applied or delivered once, and that the journal audits chained without overlap. `auditSeq`: audits
 * after it are counted as this phase's.
 */
export async function checkOnce(
  databaseUrl: string,
  endpoints: string[],
  receiver: HookReceiver,
  auditSeq: number,
  say: (m: string) => void,
): Promise<OnceReport> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  const q: Query = async <T>(text: string, params?: unknown[]) => (await c.query(text, params)).rows as T[];
  try {
    const t0 = Date.now();
    const appended = Number(
      (await q<{ n: string }>(`select count(*) as n from records.outbox where type = 'RecordAppended'`))[0].n,
    );
    const delivered = async (id: string) =>
      Number(
        (
          await q<{ n: string }>(
            `select count(distinct event_id) as n from review.webhook_delivery where endpoint_id = $1`,
            [id],
          )
        )[0].n,
      );
    for (let said = false; ;) {
      const lags = await Promise.all(RECORDS_CONSUMERS.map((x) => consumerLag(q, x.schema, x.consumer, 'records')));
      const sent = await Promise.all(endpoints.map(delivered));
      if (lags.every((l) => l === 0) && sent.every((s) => s === appended)) break;
      if (Date.now() - t0 > 300_000)
        throw new Error(`not caught up after 300 s: consumer lag ${lags.join(', ')}, delivered ${sent.join(', ')}`);
      if (!said) say(`waiting for consumers (lag ${lags.join(', ')}) and webhooks (${sent.join(', ')} of ${appended})`);
      said = true;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const drainSeconds = (Date.now() - t0) / 1000;
    const consumers = [];
    for (const x of RECORDS_CONSUMERS)
      consumers.push({ consumer: x.consumer, ...(await inboxCount(q, x.schema, 'records')) });
    const webhooks = [];
    for (const [i, id] of endpoints.entries()) {
      const got = receiver.received.get(PATHS[i]) ?? [];
      webhooks.push({
        endpoint: PATHS[i],
        delivered: await delivered(id),
        received: new Set(got).size,
        repeatsInLog: (await webhookRepeats(q, id)).length,
        repeatsReceived: got.length - new Set(got).size,
      });
    }
    const a = await auditOverlaps(q);
    const audits = {
      runs: a.runs.length,
      runsSince: a.runs.filter((r) => Number(r.seq) > auditSeq).length,
      failed: a.failed.length,
      breaks: a.breaks.length,
      coveredOnce: a.coveredOnce,
    };
    const ok =
      consumers.every((x) => x.inbox === x.events) &&
      webhooks.every(
        (w) => w.delivered === appended && w.received === appended && !w.repeatsInLog && !w.repeatsReceived,
      ) &&
      !audits.failed &&
      !audits.breaks &&
      audits.coveredOnce &&
      a.checkpointRepeats === 0;
    const auditBreaks = a.breaks.slice(0, 5).map((b) => [a.runs[a.runs.indexOf(b) - 1], b]);
    return {
      appended,
      consumers,
      webhooks,
      audits,
      auditBreaks,
      checkpointRepeats: a.checkpointRepeats,
      drainSeconds,
      ok,
    };
  } finally {
    await c.end();
  }
}

/** The newest journal audit's sequence number (0 when none ran yet). */
export async function lastAuditSeq(databaseUrl: string): Promise<number> {
  const c = new Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    return Number((await c.query(`select coalesce(max(seq), 0) as n from records.journal_audit`)).rows[0].n);
  } finally {
    await c.end();
  }
}
