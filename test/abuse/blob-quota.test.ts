import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';

import { FsBlobStore, sweepExpiredUploads } from '@tsp/records';
import { overrideConfig } from '@tsp/shared';

import { type TestBlob, testBlob, uploadBlob } from '../kit/blobs';
import { sql } from '../kit/db';
import { type Platform, startPlatform } from '../kit/platform';
import { APPEND, OPEN, penaltyCase, type RecordsWorld, setupWorld } from '../kit/records-fixtures';

/**
 * Agency staff could upload any number of 2 GiB files no case cites, kept
 * for ever. Uncited uploads now count toward a per-agency quota (HTTP 413, BAD_USER_INPUT with
 * reason UPLOAD_QUOTA_EXCEEDED) and expire after BLOB_UNCITED_TTL_MS. The sweep is run here with a
 * "now" a day ahead rather than waiting for it.
 */
const QUOTA = 4096;
const DAY = 24 * 3600_000;
let p: Platform;
let w: RecordsWorld;
let base: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abuse-item8-'));
const file = (sha: string) => path.join(dir, sha.slice(0, 2), sha.slice(2, 4), sha);
const blob = (bytes: number): TestBlob => testBlob(`${randomUUID()} `.padEnd(bytes, 'x'), 'application/pdf');
const holds = async (sha: string, agencyId: string) =>
  (await sql(p.databaseUrl, 'select 1 from records.blob_upload where sha256 = $1 and agency_id = $2', [sha, agencyId]))
    .length === 1;

beforeAll(async () => {
  overrideConfig({ BLOB_DIR: dir, BLOB_AGENCY_QUOTA_BYTES: String(QUOTA) });
  p = await startPlatform();
  w = await setupWorld(p);
  base = p.gatewayUrl.replace(/\/graphql$/, '');
}, 120_000);
afterAll(async () => {
  await p?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const first = blob(2500);
const second = blob(2500);

test('uploads no case cites are limited per agency: over the quota is 413 with a GraphQL error, and nothing is kept', async () => {
  expect((await uploadBlob(p, w.tokens.a, first)).status).toBe(201);
  const over = await uploadBlob(p, w.tokens.a, second);
  expect(over.status).toBe(413);
  const body = (await over.json()) as { errors: { message: string; extensions: Record<string, unknown> }[] };
  expect(body.errors[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    reason: 'UPLOAD_QUOTA_EXCEEDED',
    quotaBytes: QUOTA,
  });
  expect(body.errors[0].message).toMatch(/quota of 4096/);
  expect(fs.existsSync(file(second.sha256))).toBe(false);
  expect(await holds(second.sha256, w.agencyA)).toBe(false);
  // Another agency's quota is its own.
  expect((await uploadBlob(p, w.tokens.b, second)).status).toBe(201);
});

test('an upload without a Content-Length is refused before a byte is stored: 411', async () => {
  const res = await fetch(`${base}/blobs/${second.sha256}`, {
    method: 'PUT',
    body: Readable.toWeb(Readable.from([second.bytes])) as ReadableStream,
    duplex: 'half',
    headers: { authorization: `Bearer ${w.tokens.a}`, 'content-type': second.mediaType },
  } as RequestInit);
  expect(res.status).toBe(411);
  expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe(
    'BAD_USER_INPUT',
  );
  expect(await holds(second.sha256, w.agencyA)).toBe(false);
  expect(fs.existsSync(file(second.sha256))).toBe(true); // B still holds these bytes
});

test('citing an upload frees its quota; then it no longer expires', async () => {
  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕800号') }, { token: w.tokens.a });
  expect(opened.errors).toBeUndefined();
  const cited = await p.gql(
    APPEND,
    {
      i: {
        caseId: opened.data.openCase.id,
        stage: 'FILING',
        activity: 'NOTE',
        officerIds: [w.o1],
        summary: '补充材料',
        occurredAt: new Date().toISOString(),
        attachments: [
          {
            kind: 'TEXT_DOCUMENT',
            sha256: first.sha256,
            size: first.size,
            mediaType: first.mediaType,
            name: '材料.pdf',
          },
        ],
      },
    },
    { token: w.tokens.a },
  );
  expect(cited.errors).toBeUndefined();
  expect((await uploadBlob(p, w.tokens.a, second)).status).toBe(200);
});

test('uploads uncited past the expiry are deleted with their bytes; cited or recent ones stay', async () => {
  const store = new FsBlobStore(dir);
  const em = p.subgraphs.records.orm.em;
  const notYet = await sweepExpiredUploads(em, store, { now: new Date(), ttlMs: DAY });
  expect(notYet.expiredUploads).toBe(0);

  const r = await sweepExpiredUploads(em, store, { now: new Date(Date.now() + DAY + 60_000), ttlMs: DAY });
  // A's and B's uploads of `second`; the fixture files no case cited: A's video, photo and audio, all four of B's.
  expect(r.expiredUploads).toBe(2 + 3 + 4);
  expect(await holds(second.sha256, w.agencyA)).toBe(false);
  expect(await holds(second.sha256, w.agencyB)).toBe(false);
  expect(fs.existsSync(file(second.sha256))).toBe(false);
  expect(await holds(first.sha256, w.agencyA)).toBe(true);
  expect(fs.existsSync(file(first.sha256))).toBe(true);
  const download = await fetch(`${base}/blobs/${first.sha256}`, { headers: { authorization: `Bearer ${w.tokens.a}` } });
  expect(download.status).toBe(200);
  expect(Buffer.from(await download.arrayBuffer()).equals(first.bytes)).toBe(true);

  // An expired upload can no longer be cited: the agency must upload it again.
  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕801号') }, { token: w.tokens.a });
  const late = await p.gql(
    APPEND,
    {
      i: {
        caseId: opened.data.openCase.id,
        stage: 'FILING',
        activity: 'NOTE',
        officerIds: [w.o1],
        summary: '补充材料',
        occurredAt: new Date().toISOString(),
        attachments: [
          {
            kind: 'TEXT_DOCUMENT',
            sha256: second.sha256,
            size: second.size,
            mediaType: second.mediaType,
            name: '材料.pdf',
          },
        ],
      },
    },
    { token: w.tokens.a },
  );
  expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments[0].sha256' });
  expect(
    (await sweepExpiredUploads(em, store, { now: new Date(Date.now() + DAY + 60_000), ttlMs: DAY })).expiredUploads,
  ).toBe(0);
});
