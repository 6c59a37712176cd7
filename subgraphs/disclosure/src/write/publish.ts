import { type Context, optionalText, shanghaiDate } from '@tsp/shared';

import { type PublicationEntity, PublicationPeriodEntity } from '../entities/index.js';
import { publishPublicationEvent } from '../events/publication-events.js';
import { PublicationStatus, RevisionAction } from '../rules/kinds.js';
import { maskText } from '../rules/masking.js';
import { periodMonths, visibleUntil } from '../rules/periods.js';
import { assertPublishable } from '../rules/publication.js';
import { inTransaction } from './in-transaction.js';
import { publicationForWrite } from './publication-for-write.js';
import { addRevision } from './revisions.js';

async function periodsOf(ctx: Context, agencyId: string) {
  const rows = await ctx.em.find(PublicationPeriodEntity, { agencyId });
  return new Map(rows.map((r) => [r.penaltyKind, r.months]));
}

/**
 * Publishes (the agency's check, 审核): sets the period end from the agency's configuration or the default.
 * Changes `p`, adds its revision, flushes and publishes PublicationPublished: run inside the write's transaction.
 */
export async function publish(ctx: Context, p: PublicationEntity, note: string | null): Promise<void> {
  assertPublishable(p);
  const today = shanghaiDate();
  const facts = { partyType: p.partyType, penaltyKinds: p.penaltyKinds, fineAmount: p.fineAmount ?? null };
  const months = periodMonths(facts, await periodsOf(ctx, p.agencyId));
  const now = new Date();
  ctx.em.assign(p, {
    status: PublicationStatus.PUBLISHED,
    publishedAt: now,
    publishedBy: ctx.identity.sub!,
    checkNote: note,
    expiresOn: visibleUntil(today, months),
    version: p.version + 1,
    updatedAt: now,
  });
  addRevision(
    ctx.em,
    p,
    RevisionAction.PUBLISHED,
    note ?? '审核通过，予以公示 checked and published',
    ctx.identity.sub!,
  );
  await ctx.em.flush();
  await publishPublicationEvent(ctx.em, 'PublicationPublished', p);
}

/** 审核发布 Checks and publishes a draft (staff of the owning agency); the note is masked like the text. */
export async function publishDecision(ctx: Context, id: string, checkNote?: string | null): Promise<PublicationEntity> {
  const note = optionalText('checkNote', checkNote, 500);
  return inTransaction(ctx, async (tx) => {
    const p = await publicationForWrite(tx, id);
    await publish(tx, p, note && maskText(note, { partyType: p.partyType, partyName: p.partyNamePrivate }));
    return p;
  });
}
