import { createHash } from 'node:crypto';
import fs from 'node:fs';

import { INTERNAL_SECRET_HEADER, internalSecret, overrideConfig } from '@tsp/shared';

import { S3_TEST_CREDENTIALS, type S3TestServer, startS3TestServer } from '../subgraphs/records/test/s3-test-server';
import { type Platform, startPlatform } from './kit/platform';
import { APPEND, OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';

/** With BLOB_STORE=s3: the same endpoint through the gateway, the bytes in an S3-compatible bucket. */
let p: Platform;
let w: RecordsWorld;
let s3: S3TestServer;
let base: string;
const BUCKET = 'evidence';
const evidence = Buffer.from('现场检查音像记录 in a bucket '.repeat(4000));
const hash = createHash('sha256').update(evidence).digest('hex');

beforeAll(async () => {
  s3 = await startS3TestServer();
  await s3.createBucket(BUCKET);
  overrideConfig({
    BLOB_STORE: 's3',
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: BUCKET,
    S3_ACCESS_KEY_ID: S3_TEST_CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: S3_TEST_CREDENTIALS.secretAccessKey,
  });
  p = await startPlatform();
  w = await setupWorld(p);
  base = p.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await p?.stop();
  await s3?.stop();
});

const auth = (tok: string) => ({ authorization: `Bearer ${tok}`, 'content-type': 'text/plain' });

test('an upload through the gateway lands in the bucket, once, and is served back to a reader of the citing case', async () => {
  const wrong = await fetch(`${base}/blobs/${'f'.repeat(64)}`, {
    method: 'PUT',
    body: evidence,
    headers: auth(w.tokens.a),
  });
  expect(wrong.status).toBe(400);
  expect(fs.existsSync(s3.objectFile(BUCKET, 'f'.repeat(64)))).toBe(false);

  expect(
    (await fetch(`${base}/blobs/${hash}`, { method: 'PUT', body: evidence, headers: auth(w.tokens.a) })).status,
  ).toBe(201);
  expect(fs.readFileSync(s3.objectFile(BUCKET, hash)).equals(evidence)).toBe(true);
  expect(
    (await fetch(`${base}/blobs/${hash}`, { method: 'PUT', body: evidence, headers: auth(w.tokens.a) })).status,
  ).toBe(200);

  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕桶1号') }, { token: w.tokens.a });
  expect(opened.errors).toBeUndefined();
  const appended = await p.gql(
    APPEND,
    {
      i: {
        caseId: opened.data.openCase.id,
        stage: 'FILING',
        activity: 'NOTE',
        officerIds: [w.o1],
        summary: '补充证据',
        occurredAt: new Date().toISOString(),
        attachments: [
          { kind: 'TEXT_DOCUMENT', sha256: hash, size: evidence.length, mediaType: 'text/plain', name: '记录.txt' },
        ],
      },
    },
    { token: w.tokens.a },
  );
  expect(appended.errors).toBeUndefined();
  const got = await fetch(`${base}/blobs/${hash}`, { headers: auth(w.tokens.a) });
  expect(got.status).toBe(200);
  expect(Buffer.from(await got.arrayBuffer()).equals(evidence)).toBe(true);
  expect((await fetch(`${base}/blobs/${hash}`, { headers: auth(w.tokens.b) })).status).toBe(404);
});

/** Open files of this process (the platform runs in it) staged by the S3 store for a read. */
const stagedReads = () =>
  fs.readdirSync('/proc/self/fd').flatMap((fd) => {
    try {
      return fs.readlinkSync(`/proc/self/fd/${fd}`).includes('/s3-get-') ? [fd] : [];
    } catch {
      return [];
    }
  });

test('a reader who hangs up mid-download releases the staged copy', async () => {
  const big = Buffer.alloc(16 << 20, 7);
  const h = createHash('sha256').update(big).digest('hex');
  expect(
    (
      await fetch(`${base}/blobs/${h}`, {
        method: 'PUT',
        body: big,
        headers: { ...auth(w.tokens.a), 'content-type': 'video/mp4' },
      })
    ).status,
  ).toBe(201);
  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕桶2号') }, { token: w.tokens.a });
  const appended = await p.gql(
    APPEND,
    {
      i: {
        caseId: opened.data.openCase.id,
        stage: 'FILING',
        activity: 'NOTE',
        officerIds: [w.o1],
        summary: '执法记录仪视频',
        occurredAt: new Date().toISOString(),
        attachments: [{ kind: 'VIDEO', sha256: h, size: big.length, mediaType: 'video/mp4', name: '执法记录仪.mp4' }],
      },
    },
    { token: w.tokens.a },
  );
  expect(appended.errors).toBeUndefined();
  // Straight to records, so the hang-up reaches it without depending on the gateway's proxying.
  const records = p.subgraphs.records.url.replace(/\/graphql$/, '');
  const ctl = new AbortController();
  const r = await fetch(`${records}/blobs/${h}`, {
    headers: { ...auth(w.tokens.a), [INTERNAL_SECRET_HEADER]: internalSecret() },
    signal: ctl.signal,
  });
  expect(r.status).toBe(200);
  const reader = r.body!.getReader();
  expect((await reader.read()).done).toBe(false);
  expect(stagedReads().length).toBe(1);
  ctl.abort();
  for (let i = 0; i < 100 && stagedReads().length; i++) await new Promise((ok) => setTimeout(ok, 20));
  expect(stagedReads()).toEqual([]);
});

test('an object altered in the bucket is refused, not served', async () => {
  const altered = Buffer.from(evidence);
  altered[10] ^= 1;
  fs.writeFileSync(s3.objectFile(BUCKET, hash), altered);
  fs.rmSync(`${s3.objectFile(BUCKET, hash)}.md5`, { force: true });
  const r = await fetch(`${base}/blobs/${hash}`, { headers: auth(w.tokens.a) });
  expect(r.status).toBe(409);
  expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
    'CONFLICT',
  );
});
