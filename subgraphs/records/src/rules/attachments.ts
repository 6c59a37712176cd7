import { AttachmentKind } from './kinds.js';

/**
 * 附件引用 Who may cite an attachment, and what it must match. Pure: the
 * write layer reads the uploads of every cited hash in one query and asks these functions.
 */

/** How an agency came to hold a blob: its upload (measured), a legacy import or a pre-0010 citation (declared). */
export type BlobOrigin = 'UPLOAD' | 'IMPORT' | 'MIGRATED';

/** One agency's hold on one blob, as `records.blob_upload` keeps it. */
export interface BlobHolding {
  agencyId: string;
  size: number;
  mediaType: string;
  origin: BlobOrigin;
}

/** An attachment as cited, with the input field it came from (e.g. `entries[2].attachments[0]`). */
export interface Citation {
  field: string;
  kind: AttachmentKind;
  sha256: string;
  size: number;
  mediaType: string;
}

/** LIVE: agency staff recording now. IMPORT: an ADMIN's legacy import (historical, rules bypassed). */
export type CitationMode = 'LIVE' | 'IMPORT';

export type CitationVerdict =
  /** RecordImport: an ADMIN import of a hash nobody holds; the case's agency holds it from now on. */
  { ok: true; recordImport: boolean } | { ok: false; field: string; why: string };

const refuse = (field: string, why: string): CitationVerdict => ({ ok: false, field, why });

/** `Video/MP4; codecs=avc1` → `video/mp4`; a missing type is what HTTP calls unknown bytes. */
export function normalizeMediaType(raw: string | null | undefined): string {
  const t = (raw ?? '').split(';')[0].trim().toLowerCase();
  return t || 'application/octet-stream';
}

const KIND_MEDIA_PREFIX: Partial<Record<AttachmentKind, string>> = {
  [AttachmentKind.VIDEO]: 'video/',
  [AttachmentKind.AUDIO]: 'audio/',
  [AttachmentKind.PHOTO]: 'image/',
};

/** A recording or photo must be stored as one (a PDF is no video); documents and electronic data may be any type. */
export function mediaTypeFitsKind(kind: AttachmentKind, mediaType: string): boolean {
  const prefix = KIND_MEDIA_PREFIX[kind];
  return !prefix || normalizeMediaType(mediaType).startsWith(prefix);
}

const NOT_HELD =
  'not uploaded by the agency of this case: upload the file first (PUT /blobs/<sha256>) / ' +
  '附件须先由本案所属机关上传';

/**
 * Whether `citingAgencyId` may cite this attachment, given every agency's hold on its hash.
 * The same answer whether another agency holds the hash or nobody does, so it reveals nothing of
 * other agencies' evidence.
 */
export function citationVerdict(
  c: Citation,
  holdings: readonly BlobHolding[],
  citingAgencyId: string,
  mode: CitationMode,
): CitationVerdict {
  const own = holdings.find((h) => h.agencyId === citingAgencyId);
  if (!own) {
    // Historical evidence nobody uploaded here: only an ADMIN's import may bring it in (for the case's agency).
    if (mode === 'IMPORT' && holdings.length === 0) return { ok: true, recordImport: true };
    return refuse(`${c.field}.sha256`, NOT_HELD);
  }
  if (mode === 'LIVE' && own.origin !== 'UPLOAD')
    return refuse(
      `${c.field}.sha256`,
      'was cited before uploads were measured: upload the file again to cite it / 请重新上传后再引用',
    );
  if (own.size !== c.size)
    return refuse(
      `${c.field}.size`,
      `declared ${c.size} bytes, the stored file has ${own.size} / 附件大小与上传文件不符`,
    );
  if (normalizeMediaType(c.mediaType) !== own.mediaType)
    return refuse(
      `${c.field}.mediaType`,
      `declared ${c.mediaType}, the file was uploaded as ${own.mediaType} / 媒体类型与上传文件不符`,
    );
  if (mode === 'LIVE' && !mediaTypeFitsKind(c.kind, own.mediaType))
    return refuse(
      `${c.field}.kind`,
      `a ${c.kind} attachment must be stored as ${KIND_MEDIA_PREFIX[c.kind]}*, not ${own.mediaType} / 附件类型与文件不符`,
    );
  return { ok: true, recordImport: false };
}

/**
 * 上传配额 An agency's uploads that no case of it cites yet may hold at most `quotaBytes`; null when
 * `incomingBytes` more fit, else why not.
 */
export function uploadQuotaProblem(pendingBytes: number, incomingBytes: number, quotaBytes: number): string | null {
  if (pendingBytes + incomingBytes <= quotaBytes) return null;
  const total = pendingBytes + incomingBytes;
  return (
    `the agency's uncited uploads would hold ${total} bytes, over its quota of ${quotaBytes}: ` +
    'cite or wait for the expiry of earlier uploads / 本机关未引用的上传文件超过配额'
  );
}
