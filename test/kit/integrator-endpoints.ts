import { verifyWebhookSignature } from '../../subgraphs/review/src/webhooks/signature';
import { schemaErrors } from './event-schemas';
import type { GqlResult, Platform } from './platform';
import { type Received, Receiver } from './webhooks-receiver';

/** The signing secret every test endpoint is registered with. */
export const ENDPOINT_SECRET = 'receiver-secret-0123456789';

export type LogEdge = {
  cursor: string;
  node: { id: string; type: string; agencyId: string; subjectId: string; payloadJson: string };
};

const data = <T = any>(r: GqlResult<T>): T => {
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

/**
 * An integrator's two views of a source, as the provincial platform would use them: webhook endpoints (receivers on
 * loopback, allowed by ADMIN) and the durable log `<source>Events`. `stop()` closes the receivers. The platform and
 * the admin token are read when used (they exist once the test's beforeAll has run).
 */
export function integratorEndpoints(
  platform: () => Platform,
  adminToken: () => string,
  defaultTypes: string[] | null = null,
) {
  const receivers: Receiver[] = [];
  const gql: Platform['gql'] = (...args) => platform().gql(...args);
  return {
    async receiver(): Promise<Receiver> {
      const r = await new Receiver().start();
      receivers.push(r);
      data(
        await gql(
          `mutation($h: String!) { allowWebhookHost(host: $h) { host } }`,
          { h: r.hostPort },
          { token: adminToken() },
        ),
      );
      return r;
    },
    register(tok: string, url: string, eventTypes: string[] | null = defaultTypes) {
      return gql(
        `mutation($u: String!, $s: String!, $t: [String!]) { registerWebhook(url: $u, secret: $s, eventTypes: $t) {
           id sources { source cursor startPending failedAttempts } } }`,
        { u: url, s: ENDPOINT_SECRET, t: eventTypes },
        { token: tok },
      );
    },
    async log(field: `${string}Events`, tok: string): Promise<LogEdge[]> {
      return data(
        await gql(
          `{ ${field}(first: 200) { edges { cursor node { id type agencyId subjectId payloadJson } } } }`,
          {},
          { token: tok },
        ),
      )[field].edges;
    },
    async stop(): Promise<void> {
      for (const r of receivers) await r.stop();
    },
  };
}

/**
 * A delivery is signed, carries its source, and is the logged event byte for byte (same cursor, same payload), valid
 * against the checked-in JSON Schema of its type.
 */
export function expectDeliveredAsLogged(q: Received, logged: LogEdge[], source: string): void {
  expect(verifyWebhookSignature(ENDPOINT_SECRET, q.headers['x-tsp-signature'] as string, q.raw).ok).toBe(true);
  expect(q.body.source).toBe(source);
  expect(q.eventId).toBe(q.body.id);
  const entry = logged.find((e) => e.node.id === q.body.id);
  expect(entry?.cursor).toBe(q.body.cursor);
  expect(entry?.node.payloadJson).toBe(JSON.stringify(q.body.payload));
  expect(schemaErrors(q.body.type, q.body.payload)).toEqual([]);
}
