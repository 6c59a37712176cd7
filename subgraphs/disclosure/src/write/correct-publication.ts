import { badInput, type Context, optionalText, PartyType, shanghaiDate } from '@tsp/shared';

import type { PublicationEntity } from '../entities/index.js';
import { publishPublicationEvent } from '../events/publication-events.js';
import { RevisionAction } from '../rules/kinds.js';
import { maskText, publicPartyName } from '../rules/masking.js';
import { assertCorrectable, maskCorrection, type PublicText, requireReason } from '../rules/publication.js';
import { inTransaction } from './in-transaction.js';
import { publicationForWrite } from './publication-for-write.js';
import { addRevision } from './revisions.js';

/** 纠错 The fields a correction may change; omitted ones stay. */
export interface PublicationCorrection {
  caseNumber?: string | null;
  partyName?: string | null;
  summary?: string | null;
  conclusion?: string | null;
  legalBasis?: string | null;
}

/** 纠错 Corrects a publication: a new revision with its (masked) reason; the history stays visible. */
export async function correctPublication(
  ctx: Context,
  id: string,
  input: PublicationCorrection,
  reason: string,
): Promise<PublicationEntity> {
  return inTransaction(ctx, (tx) => correctLocked(tx, id, input, reason));
}

async function correctLocked(
  ctx: Context,
  id: string,
  input: PublicationCorrection,
  reason: string,
): Promise<PublicationEntity> {
  const p = await publicationForWrite(ctx, id);
  assertCorrectable(p, shanghaiDate());
  const why = maskText(requireReason('reason', reason), { partyType: p.partyType, partyName: p.partyNamePrivate });
  const patch: Partial<PublicText> & { partyNamePrivate?: string } = maskCorrection(
    {
      caseNumber: optionalText('input.caseNumber', input.caseNumber, 100) ?? undefined,
      summary: optionalText('input.summary', input.summary, 4000) ?? undefined,
      conclusion: optionalText('input.conclusion', input.conclusion, 4000) ?? undefined,
      legalBasis: optionalText('input.legalBasis', input.legalBasis, 2000) ?? undefined,
    },
    p.partyType,
    p.partyNamePrivate ?? null,
  );
  const party = optionalText('input.partyName', input.partyName, 200);
  if (party) {
    patch.partyName = publicPartyName(p.partyType, party);
    if (p.partyType === PartyType.NATURAL_PERSON) patch.partyNamePrivate = party;
  }
  if (Object.keys(patch).length === 0) {
    throw badInput('input', 'names no field to correct / 未提供需纠正的内容');
  }
  ctx.em.assign(p, { ...patch, version: p.version + 1, updatedAt: new Date() });
  addRevision(ctx.em, p, RevisionAction.CORRECTED, why, ctx.identity.sub!);
  await ctx.em.flush();
  await publishPublicationEvent(ctx.em, 'PublicationCorrected', p, why);
  return p;
}
