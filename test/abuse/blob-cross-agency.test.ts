import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { overrideConfig, Role } from '@tsp/shared';

import { testBlob, uploadBlob } from '../kit/blobs';
import { sql } from '../kit/db';
import { type Platform, startPlatform, token } from '../kit/platform';
import { APPEND, OPEN, penaltyCase, type RecordsWorld, setupWorld, snapshot } from '../kit/records-fixtures';

/**
 * An officer of agency B cited, in B's case, the hash of A's attachment, and could
 * then download A's file (and so could B's integrator). Citing now needs B's own upload, and a
 * download needs a readable case of an agency that holds the file.
 */
let p: Platform;
let w: RecordsWorld;
let base: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abuse-item4-'));
const secret = testBlob(`A 机关的询问笔录 ${randomUUID()}`, 'application/pdf');

beforeAll(async () => {
  overrideConfig({ BLOB_DIR: dir });
  p = await startPlatform();
  w = await setupWorld(p);
  base = p.gatewayUrl.replace(/\/graphql$/, '');
}, 120_000);
afterAll(async () => {
  await p?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (tok: string) => fetch(`${base}/blobs/${secret.sha256}`, { headers: { authorization: `Bearer ${tok}` } });
const cite = (caseId: string, officer: string) => ({
  caseId,
  stage: 'FILING',
  activity: 'NOTE',
  officerIds: [officer],
  summary: '补充材料',
  occurredAt: new Date().toISOString(),
  attachments: [
    { kind: 'TEXT_DOCUMENT', sha256: secret.sha256, size: secret.size, mediaType: secret.mediaType, name: '笔录.pdf' },
  ],
});

test("B cannot cite A's attachment (BAD_USER_INPUT naming the field), writes nothing, and never reads it", async () => {
  expect((await uploadBlob(p, w.tokens.a, secret)).status).toBe(201);
  const a = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕400号') }, { token: w.tokens.a });
  expect(a.errors).toBeUndefined();
  expect((await p.gql(APPEND, { i: cite(a.data.openCase.id, w.o1) }, { token: w.tokens.a })).errors).toBeUndefined();
  expect((await get(w.tokens.a)).status).toBe(200);

  const b = await p.gql(
    OPEN,
    { i: { ...penaltyCase(w, '宁文旅罚〔2026〕400号'), handlerIds: [w.b1] } },
    { token: w.tokens.b },
  );
  expect(b.errors).toBeUndefined();
  const before = await snapshot(p, b.data.openCase.id);
  const borrowed = await p.gql(APPEND, { i: cite(b.data.openCase.id, w.b1) }, { token: w.tokens.b });
  expect(borrowed.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(borrowed.errors?.[0].extensions?.field).toBe('attachments[0].sha256');
  expect(borrowed.errors?.[0].message).toMatch(/not uploaded by the agency of this case/);
  expect(await snapshot(p, b.data.openCase.id)).toEqual(before);

  expect((await get(w.tokens.b)).status).toBe(404);
  expect((await get(w.tokens.integrator)).status).toBe(200); // A's own integrator, through A's case
  const integratorB = await token({ role: Role.INTEGRATOR, sub: 'client-b', agencyId: w.agencyB });
  expect((await get(integratorB)).status).toBe(404);
});

test("a citation of A's hash written before the fix (as in the attack) opens nothing to B", async () => {
  // Replays the attack's leftovers: B's case citing A's hash, written straight into the table as the old code allowed.
  const b = await p.gql(
    OPEN,
    { i: { ...penaltyCase(w, '宁文旅罚〔2026〕401号'), handlerIds: [w.b1] } },
    { token: w.tokens.b },
  );
  const [entry] = await sql<{ id: string }>(p.databaseUrl, 'select id from records.record_entry where case_id = $1', [
    b.data.openCase.id,
  ]);
  await sql(
    p.databaseUrl,
    `insert into records.attachment (id, entry_id, case_id, position, kind, sha256, size, media_type, name)
    values (gen_random_uuid(), $1, $2, 9, 'TEXT_DOCUMENT', $3, $4, 'application/pdf', '笔录.pdf')`,
    [entry.id, b.data.openCase.id, secret.sha256, secret.size],
  );
  expect((await get(w.tokens.b)).status).toBe(404);
  expect((await get(w.tokens.a)).status).toBe(200);
});

test('B uploading the same bytes itself may cite them: it holds the file anyway', async () => {
  expect((await uploadBlob(p, w.tokens.b, secret)).status).toBe(200);
  const b = await p.gql(
    OPEN,
    { i: { ...penaltyCase(w, '宁文旅罚〔2026〕402号'), handlerIds: [w.b1] } },
    { token: w.tokens.b },
  );
  expect((await p.gql(APPEND, { i: cite(b.data.openCase.id, w.b1) }, { token: w.tokens.b })).errors).toBeUndefined();
  expect((await get(w.tokens.b)).status).toBe(200);
});
