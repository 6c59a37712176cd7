import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { overrideConfig } from '@tsp/shared';

import { testBlob, uploadBlob } from '../kit/blobs';
import { type Platform, startPlatform } from '../kit/platform';
import { APPEND, OPEN, penaltyCase, type RecordsWorld, setupWorld, snapshot } from '../kit/records-fixtures';

/**
 * An ON_SITE_INSPECTION affecting liberty or property passed the audio-visual
 * rule with a `VIDEO fullProcess: true` that was never uploaded, declared 1 GB. Citing now needs
 * the file uploaded, with the declared size and a media type that fits the kind.
 */
let p: Platform;
let w: RecordsWorld;
let caseId: string;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'abuse-item5-'));
const recording = testBlob(`\0\0\0\x18ftypmp42 全过程录像 ${randomUUID()}`, 'video/mp4');
const pdf = testBlob(`%PDF-1.4 not a video ${randomUUID()}`, 'application/pdf');

beforeAll(async () => {
  overrideConfig({ BLOB_DIR: dir });
  p = await startPlatform();
  w = await setupWorld(p);
  const opened = await p.gql(OPEN, { i: penaltyCase(w, '宁规罚〔2026〕500号') }, { token: w.tokens.a });
  caseId = opened.data.openCase.id;
}, 120_000);
afterAll(async () => {
  await p?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const seizure = (film: Record<string, unknown>) => ({
  caseId,
  stage: 'INVESTIGATION',
  activity: 'ON_SITE_INSPECTION',
  affectsLibertyOrProperty: true,
  occurredAt: new Date().toISOString(),
  officerIds: [w.o1, w.o2],
  summary: '现场查封',
  attachments: [
    {
      kind: 'VIDEO',
      name: '执法记录仪.mp4',
      fullProcess: true,
      sha256: recording.sha256,
      size: recording.size,
      mediaType: 'video/mp4',
      ...film,
    },
  ],
});
const refusal = async (film: Record<string, unknown>) => {
  const before = await snapshot(p, caseId);
  const r = await p.gql(APPEND, { i: seizure(film) }, { token: w.tokens.a });
  expect(await snapshot(p, caseId)).toEqual(before);
  return {
    code: r.errors?.[0].extensions?.code,
    field: r.errors?.[0].extensions?.field,
    message: r.errors?.[0].message ?? '',
  };
};

test('a full-process video never uploaded, declared 1 GB, is refused naming the field; nothing is written', async () => {
  const r = await refusal({ sha256: 'e'.repeat(64), size: 1_000_000_000 });
  expect(r).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments[0].sha256' });
});

test('an uploaded video is refused when the declared size or media type differ, or when the file is not a video', async () => {
  expect((await uploadBlob(p, w.tokens.a, recording)).status).toBe(201);
  expect(await refusal({ size: 1_000_000_000 })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'attachments[0].size',
  });
  expect(await refusal({ mediaType: 'video/quicktime' })).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'attachments[0].mediaType',
  });
  expect((await uploadBlob(p, w.tokens.a, pdf)).status).toBe(201);
  const notVideo = await refusal({ sha256: pdf.sha256, size: pdf.size, mediaType: pdf.mediaType });
  expect(notVideo).toMatchObject({ code: 'BAD_USER_INPUT', field: 'attachments[0].kind' });
  expect(notVideo.message).toMatch(/video\/\*/);
});

test('the real recording, as uploaded, passes; the SQL of a write does not grow with its attachments', async () => {
  // The officer's agency is looked up once per cache window (5 s): on a loaded machine the window ended between
  // the two measured writes and one of them paid the lookup. This request warms a window longer than the test.
  const restore = overrideConfig({ OFFICER_AGENCY_CACHE_MS: String(30 * 60_000) });
  const ok = await p.gql(APPEND, { i: seizure({}) }, { token: w.tokens.a });
  expect(ok.errors).toBeUndefined();

  const many = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      kind: 'VIDEO',
      name: `录像${i}.mp4`,
      fullProcess: true,
      sha256: recording.sha256,
      size: recording.size,
      mediaType: 'video/mp4',
    }));
  const note = (n: number) => ({
    caseId,
    stage: 'INVESTIGATION',
    activity: 'NOTE',
    occurredAt: new Date().toISOString(),
    officerIds: [w.o1],
    summary: `附 ${n} 段录像`,
    attachments: many(n),
  });
  const one = await p.countSql(() => p.gql(APPEND, { i: note(1) }, { token: w.tokens.a }));
  const forty = await p.countSql(() => p.gql(APPEND, { i: note(40) }, { token: w.tokens.a }));
  expect(one.result.errors).toBeUndefined();
  expect(forty.result.errors).toBeUndefined();
  expect(forty.statements).toBe(one.statements);
  restore();
});
