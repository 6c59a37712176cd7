import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';

import { childEnv, overrideConfig, publishEvent, Role } from '@tsp/shared';
import { Client } from 'pg';

import { rotateWebhookSecrets } from '../subgraphs/review/src/webhooks/rotate';
import { openSealed, openSecret, sealSecret } from '../subgraphs/review/src/webhooks/secret-box';
import { verifyWebhookSignature } from '../subgraphs/review/src/webhooks/signature';
import { sql } from './kit/db';
import { type Platform, startPlatform, token } from './kit/platform';
import { Receiver, waitFor } from './kit/webhooks-receiver';

// Three keys: A (the old one), B (the new one), C (one nobody configured any more).
const A = randomBytes(32);
const B = randomBytes(32);
const C = randomBytes(32);
const ROTATING = { current: B, previous: A };
const CLI = path.resolve(__dirname, '..', 'scripts', 'dist', 'rotate-webhook-key.js');

overrideConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: '1', WEBHOOK_RETRY_BASE_MS: '50' });
const useKeys = (current: Buffer, previous?: Buffer) =>
  overrideConfig({
    WEBHOOK_SECRET_KEY: current.toString('hex'),
    WEBHOOK_SECRET_KEY_PREVIOUS: previous?.toString('base64'),
  });
useKeys(A);

let p: Platform;
let r: Receiver;
const secrets = new Map<string, string>();

beforeAll(async () => {
  p = await startPlatform();
  const admin = await token({ role: Role.ADMIN, sub: 'admin-1' });
  r = await new Receiver().start();
  expect(
    (await p.gql(`mutation($h: String!) { allowWebhookHost(host: $h) { host } }`, { h: r.hostPort }, { token: admin }))
      .errors,
  ).toBeUndefined();
});
afterAll(async () => {
  await p?.stop();
  await r?.stop();
});

/** Registers an endpoint through the API, so it is sealed the way the service seals (with the key set now). */
async function register(sub: string) {
  const agency = randomUUID();
  const integrator = await token({ role: Role.INTEGRATOR, sub, agencyIds: [agency] });
  const secret = `secret-of-${sub}-0123456789`;
  const reg = await p.gql(
    `mutation($u: String!, $s: String!) { registerWebhook(url: $u, secret: $s) { id } }`,
    { u: r.url, s: secret },
    { token: integrator },
  );
  expect(reg.errors).toBeUndefined();
  const id = reg.data.registerWebhook.id as string;
  secrets.set(id, secret);
  return { agency, id };
}

function publish(agencyId: string) {
  const reviewId = randomUUID();
  return p.subgraphs.review.orm.em.fork().transactional((em) =>
    publishEvent(em, 'review', {
      type: 'ReviewPassed',
      agencyId,
      region: '宁晋县',
      subjectId: reviewId,
      payload: { reviewId, status: 'PASSED' },
    }),
  );
}

async function delivered(agency: string, endpointId: string) {
  const e = await publish(agency);
  const got = await waitFor('the delivery', () => r.requests.find((q) => q.eventId === e.id));
  expect(verifyWebhookSignature(secrets.get(endpointId)!, got.headers['x-tsp-signature'] as string, got.raw).ok).toBe(
    true,
  );
}

const rows = () =>
  sql<{ id: string; secret_sealed: Buffer }>(
    p.databaseUrl,
    `select id, secret_sealed from review.webhook_endpoint order by id`,
  );

async function withClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: p.databaseUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function runCli(extraArgs: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (npx tsc -b)`);
  const env = childEnv({
    DATABASE_URL: p.databaseUrl,
    WEBHOOK_SECRET_KEY: B.toString('base64'),
    WEBHOOK_SECRET_KEY_PREVIOUS: A.toString('hex'),
    LOG_LEVEL: 'silent',
  });
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...extraArgs], { env, timeout: 30_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

let first: { agency: string; id: string }[];
let lostId: string;

test('with the new key current and the old one previous, secrets sealed under the old key still sign deliveries', async () => {
  first = [await register('int-rot-1'), await register('int-rot-2'), await register('int-rot-3')];
  useKeys(B, A);
  for (const e of first) await delivered(e.agency, e.id);
  for (const row of await rows()) {
    expect(openSealed(row.id, row.secret_sealed)).toEqual({ secret: secrets.get(row.id), openedWith: 'previous' });
    expect(() => openSecret(row.id, row.secret_sealed, B)).toThrow(/cannot be decrypted/);
  }
  // A registration during the rotation is sealed under the new key only.
  const fresh = await register('int-rot-new');
  first.push(fresh);
  const [row] = (await rows()).filter((x) => x.id === fresh.id);
  expect(openSecret(fresh.id, row.secret_sealed, B)).toBe(secrets.get(fresh.id));
  expect(() => openSecret(fresh.id, row.secret_sealed, A)).toThrow(/cannot be decrypted/);
});

test('the rotation re-seals every old secret under the new key, and a second run changes nothing', async () => {
  const progress: string[] = [];
  const report = await withClient((c) =>
    rotateWebhookSecrets(c, ROTATING, { onProgress: (x) => progress.push(`${x.phase} ${x.done}/${x.total}`) }),
  );
  expect(report).toEqual({ total: 4, alreadyCurrent: 1, underPrevious: 3, unreadable: [], resealed: 3 });
  expect(progress).toEqual([
    'check 1/4',
    'check 2/4',
    'check 3/4',
    'check 4/4',
    'reseal 1/3',
    'reseal 2/3',
    'reseal 3/3',
  ]);
  const after = await rows();
  for (const row of after) {
    // The new key alone opens every row; the old one opens none.
    expect(openSecret(row.id, row.secret_sealed, B)).toBe(secrets.get(row.id));
    expect(() => openSecret(row.id, row.secret_sealed, A)).toThrow(/cannot be decrypted/);
  }
  // With WEBHOOK_SECRET_KEY_PREVIOUS removed, the service still signs with the right secrets.
  useKeys(B);
  for (const e of first) await delivered(e.agency, e.id);

  const again = await withClient((c) => rotateWebhookSecrets(c, ROTATING));
  expect(again).toEqual({ total: 4, alreadyCurrent: 4, underPrevious: 0, unreadable: [], resealed: 0 });
  expect(await rows()).toEqual(after);
});

test('a secret that opens with neither key makes the rotation refuse and change nothing, the old-key rows included', async () => {
  useKeys(C);
  const lost = await register('int-rot-lost');
  lostId = lost.id;
  useKeys(A);
  const pending = await register('int-rot-pending');
  useKeys(B, A);
  const before = await rows();
  const report = await withClient((c) => rotateWebhookSecrets(c, ROTATING));
  expect(report.unreadable.map((u) => u.id)).toEqual([lost.id]);
  expect(report.unreadable[0].why).toMatch(/neither WEBHOOK_SECRET_KEY nor WEBHOOK_SECRET_KEY_PREVIOUS/);
  expect(report).toMatchObject({ total: 6, alreadyCurrent: 4, underPrevious: 1, resealed: 0 });
  expect(await rows()).toEqual(before);
  const [row] = (await rows()).filter((x) => x.id === pending.id);
  expect(openSealed(pending.id, row.secret_sealed, ROTATING).openedWith).toBe('previous');
});

test('npm run rotate-webhook-key exits 1 and writes nothing while a secret is unreadable, 0 once it re-sealed them, 0 with nothing to do', async () => {
  const before = await rows();
  const refused = await runCli();
  expect(refused.code).toBe(1);
  expect(refused.stdout).toMatch(/6 endpoints: 1 to re-seal, none written, 4 already current, 1 unreadable/);
  expect(refused.stdout).toContain('RESULT: REFUSED');
  expect(await rows()).toEqual(before);

  // The operator finds the lost secret's key and seals it under the new one by hand (here: directly).
  const lost = before.find((x) => x.id === lostId)!;
  expect(openSecret(lost.id, lost.secret_sealed, C)).toBe(secrets.get(lost.id));
  await sql(p.databaseUrl, `update review.webhook_endpoint set secret_sealed = $1 where id = $2`, [
    sealSecret(lost.id, secrets.get(lost.id)!, B),
    lost.id,
  ]);

  const dry = await runCli(['--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toMatch(/6 endpoints: 1 to re-seal, none written, 5 already current, 0 unreadable/);

  const ok = await runCli();
  expect(ok.code).toBe(0);
  expect(ok.stdout).toContain('checked 6/6');
  expect(ok.stdout).toContain('re-sealed 1/1');
  expect(ok.stdout).toMatch(/6 endpoints: 1 re-sealed, 5 already current, 0 unreadable/);
  for (const row of await rows()) expect(openSecret(row.id, row.secret_sealed, B)).toBe(secrets.get(row.id));

  const idle = await runCli();
  expect(idle.code).toBe(0);
  expect(idle.stdout).toMatch(/6 endpoints: 0 re-sealed, 6 already current, 0 unreadable/);
});
