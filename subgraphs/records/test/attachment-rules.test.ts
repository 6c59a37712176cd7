import {
  type BlobHolding,
  citationVerdict,
  mediaTypeFitsKind,
  normalizeMediaType,
  uploadQuotaProblem,
} from '../src/rules/attachments';
import { AttachmentKind as K } from '../src/rules/kinds';

const A = 'agency-a';
const B = 'agency-b';
const sha = 'a'.repeat(64);
const video = { field: 'attachments[0]', kind: K.VIDEO, sha256: sha, size: 1000, mediaType: 'video/mp4' };
const held = (agencyId: string, o: Partial<BlobHolding> = {}): BlobHolding => ({
  agencyId,
  size: 1000,
  mediaType: 'video/mp4',
  origin: 'UPLOAD',
  ...o,
});

describe('citationVerdict', () => {
  test('the agency that uploaded the file may cite it as stored', () => {
    expect(citationVerdict(video, [held(A)], A, 'LIVE')).toEqual({ ok: true, recordImport: false });
  });
  test("another agency's upload and no upload at all get the same refusal, naming sha256", () => {
    const other = citationVerdict(video, [held(B)], A, 'LIVE');
    const none = citationVerdict(video, [], A, 'LIVE');
    expect(other).toEqual(none);
    expect(other).toMatchObject({ ok: false, field: 'attachments[0].sha256' });
  });
  test('size, media type and kind must match what was stored', () => {
    expect(citationVerdict({ ...video, size: 1e9 }, [held(A)], A, 'LIVE')).toMatchObject({
      ok: false,
      field: 'attachments[0].size',
    });
    expect(citationVerdict({ ...video, mediaType: 'video/webm' }, [held(A)], A, 'LIVE')).toMatchObject({
      field: 'attachments[0].mediaType',
    });
    const pdf = held(A, { mediaType: 'application/pdf' });
    expect(citationVerdict({ ...video, mediaType: 'application/pdf' }, [pdf], A, 'LIVE')).toMatchObject({
      field: 'attachments[0].kind',
    });
  });
  test('a live write may not cite a hash only declared before uploads were measured; an import may', () => {
    expect(citationVerdict(video, [held(A, { origin: 'MIGRATED' })], A, 'LIVE')).toMatchObject({
      ok: false,
      field: 'attachments[0].sha256',
    });
    expect(citationVerdict(video, [held(A, { origin: 'MIGRATED' })], A, 'IMPORT')).toEqual({
      ok: true,
      recordImport: false,
    });
  });
  test('an ADMIN import brings in a hash nobody holds, never one another agency uploaded', () => {
    expect(citationVerdict(video, [], A, 'IMPORT')).toEqual({ ok: true, recordImport: true });
    expect(citationVerdict(video, [held(B)], A, 'IMPORT')).toMatchObject({ ok: false });
  });
});

test('media types are compared without case or parameters; recordings and photos must be stored as such', () => {
  expect(normalizeMediaType('Video/MP4; codecs=avc1')).toBe('video/mp4');
  expect(normalizeMediaType(undefined)).toBe('application/octet-stream');
  expect(mediaTypeFitsKind(K.AUDIO, 'audio/mpeg')).toBe(true);
  expect(mediaTypeFitsKind(K.PHOTO, 'video/mp4')).toBe(false);
  expect(mediaTypeFitsKind(K.TEXT_DOCUMENT, 'application/octet-stream')).toBe(true);
});

test('the quota counts uncited bytes plus the incoming upload', () => {
  expect(uploadQuotaProblem(6, 4, 10)).toBeNull();
  expect(uploadQuotaProblem(6, 5, 10)).toMatch(/11 bytes, over its quota of 10/);
});
