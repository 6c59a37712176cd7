import { badInput, optionalText, requireId, requireNonEmpty, requireText } from '@tsp/shared';

import type { AttachmentKind, CaseStage, RecordActivity } from '../rules/kinds.js';

/** An attachment as validated input (content stored elsewhere, by hash). */
export interface AttachmentDraft {
  kind: AttachmentKind;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  fullProcess: boolean;
  documentType: string | null;
}

/** An entry about to be written; the case supplies id, agency, sequence and recordedAt. */
export interface EntryDraft {
  stage: CaseStage;
  activity: RecordActivity;
  occurredAt: Date;
  officerIds: string[];
  summary: string;
  attachments: AttachmentDraft[];
  correctsId: string | null;
  affectsLibertyOrProperty: boolean;
  legacy?: boolean;
  credentialProblem?: string | null;
}

export interface AttachmentInputLike {
  kind: AttachmentKind;
  sha256: string;
  size: number;
  mediaType: string;
  name: string;
  fullProcess?: boolean | null;
  documentType?: string | null;
}

export const MAX_ATTACHMENTS = 100;

export function attachmentDrafts(
  field: string,
  list: readonly AttachmentInputLike[] | null | undefined,
): AttachmentDraft[] {
  const items = list ?? [];
  if (items.length > MAX_ATTACHMENTS) throw badInput(field, `at most ${MAX_ATTACHMENTS} attachments per entry`);
  return items.map((a, i) => {
    const f = `${field}[${i}]`;
    const sha256 = (a.sha256 ?? '').toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw badInput(`${f}.sha256`, 'must be the SHA-256 of the content, 64 hex digits');
    if (!Number.isSafeInteger(a.size) || a.size < 0) throw badInput(`${f}.size`, 'must be a whole number of bytes ≥ 0');
    const mediaType = requireText(`${f}.mediaType`, a.mediaType, 100);
    if (!/^[\w.+-]+\/[\w.+-]+$/.test(mediaType))
      throw badInput(`${f}.mediaType`, 'must be a media type like video/mp4');
    return {
      kind: a.kind,
      sha256,
      size: a.size,
      mediaType,
      name: requireText(`${f}.name`, a.name, 200),
      fullProcess: a.fullProcess ?? false,
      documentType: optionalText(`${f}.documentType`, a.documentType, 100),
    };
  });
}

/** Distinct officer ids in the order given. */
export function officerIdsOf(field: string, ids: readonly string[] | null | undefined): string[] {
  return requireNonEmpty(field, ids, 20).map((id) => requireId('officer', id));
}

/** Clock skew a device may have: occurredAt up to this far in the future is accepted. */
const SKEW_MS = 5 * 60_000;

export function occurredAtOf(field: string, at: Date, notBefore: Date, now = new Date()): Date {
  if (at.getTime() > now.getTime() + SKEW_MS) throw badInput(field, 'cannot be in the future / 不能晚于当前时间');
  if (at.getTime() < notBefore.getTime())
    throw badInput(field, `cannot be before the case was filed (${notBefore.toISOString()}) / 不能早于立案时间`);
  return at;
}
