import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { overrideConfig } from '@tsp/shared';

import { type Platform, startPlatform } from './kit/platform';
import { APPEND, OPEN, penaltyCase, type RecordsWorld, setupWorld } from './kit/records-fixtures';

/** Attachments by content, through the gateway, readable only via the cases that cite them. */
let p: Platform;
let w: RecordsWorld;
let base: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'blobs-e2e-'));
const evidence = Buffer.from('现场检查音像记录 (test bytes) '.repeat(5000));
const hash = createHash('sha256').update(evidence).digest('hex');

beforeAll(async () => {
  overrideConfig({ BLOB_DIR: dir });
  p = await startPlatform();
  w = await setupWorld(p);
  base = p.gatewayUrl.replace(/\/graphql$/, '');
});
afterAll(async () => {
  await p?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const put = (sha: string, body: Buffer, tok?: string) =>
  fetch(`${base}/blobs/${sha}`, {
    method: 'PUT',
    body,
    headers: { 'content-type': 'text/plain', ...(tok ? { authorization: `Bearer ${tok}` } : {}) },
  });
const get = (sha: string, tok?: string) =>
  fetch(`${base}/blobs/${sha}`, { headers: tok ? { authorization: `Bearer ${tok}` } : {} });

test('an officer uploads evidence by its hash; a wrong hash or no token is refused', async () => {
  expect((await put(hash, evidence)).status).toBe(401);
  expect((await put(hash, evidence, w.tokens.supervisor)).status).toBe(403);
  const wrong = await put('f'.repeat(64), evidence, w.tokens.a);
  expect(wrong.status).toBe(400);
  expect(((await wrong.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
    'BAD_USER_INPUT',
  );
  expect((await put(hash, evidence, w.tokens.a)).status).toBe(201);
  expect((await put(hash, evidence, w.tokens.a)).status).toBe(200);
  expect(p.subgraphs.records.url).toBeTruthy();
  expect((await fetch(`${p.subgraphs.records.url.replace(/\/graphql$/, '')}/blobs/${hash}`)).status).toBe(403);
});

test('a blob is readable by whoever may read a case that cites it, and by nobody before', async () => {
  expect((await get(hash, w.tokens.a)).status).toBe(404);
  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕附1号') }, { token: w.tokens.a });
  expect(opened.errors).toBeUndefined();
  const caseId = opened.data.openCase.id;
  const appended = await p.gql(
    APPEND,
    {
      i: {
        caseId,
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
  const mine = await get(hash, w.tokens.a);
  expect(mine.status).toBe(200);
  expect(Buffer.from(await mine.arrayBuffer()).equals(evidence)).toBe(true);
  expect((await get(hash, w.tokens.supervisor)).status).toBe(200);
  expect((await get(hash, w.tokens.b)).status).toBe(404);
});

test('an attachment altered on disk is refused, not served', async () => {
  fs.writeFileSync(path.join(dir, hash.slice(0, 2), hash.slice(2, 4), hash), 'tampered');
  const r = await get(hash, w.tokens.a);
  expect(r.status).toBe(409);
  expect(((await r.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
    'CONFLICT',
  );
});
