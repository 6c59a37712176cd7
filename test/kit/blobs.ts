import { createHash } from 'node:crypto';

import type { Platform } from './platform';

/** Bytes and the media type they are uploaded as; `sha256` and `size` are what an attachment then declares. */
export interface TestBlob {
  bytes: Buffer;
  mediaType: string;
  sha256: string;
  size: number;
}

export function testBlob(content: string | Buffer, mediaType: string): TestBlob {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content);
  return { bytes, mediaType, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
}

/** Stand-ins for a case-file PDF, a body-camera video, a photo and an interview recording (tiny, but really stored). */
export const FIXTURE_BLOBS = {
  document: testBlob('%PDF-1.4 立案审批表 (test fixture)', 'application/pdf'),
  video: testBlob('\0\0\0\x18ftypmp42 执法记录仪 (test fixture)', 'video/mp4'),
  photo: testBlob('\xff\xd8\xff\xe0 现场照片 (test fixture)', 'image/jpeg'),
  audio: testBlob('ID3 询问录音 (test fixture)', 'audio/mpeg'),
} as const;

/** PUT /blobs/<sha256> through the gateway, as agency staff upload evidence. */
export function uploadBlob(
  p: Platform,
  token: string,
  blob: TestBlob,
  headers: Record<string, string> = {},
): Promise<Response> {
  const base = p.gatewayUrl.replace(/\/graphql$/, '');
  return fetch(`${base}/blobs/${blob.sha256}`, {
    method: 'PUT',
    body: blob.bytes,
    headers: { authorization: `Bearer ${token}`, 'content-type': blob.mediaType, ...headers },
  });
}

/** Uploads every fixture blob for the token's agency (again is harmless), so fixtures may cite them. */
export async function uploadFixtureBlobs(p: Platform, token: string): Promise<void> {
  for (const blob of Object.values(FIXTURE_BLOBS)) {
    const r = await uploadBlob(p, token, blob);
    if (r.status !== 200 && r.status !== 201) throw new Error(`fixture upload answered ${r.status}: ${await r.text()}`);
  }
}
