import { UniqueConstraintViolationException } from '@mikro-orm/core';
import {
  AppError,
  byId,
  conflict,
  type Context,
  type EnforcementCategory,
  idempotent,
  notFound,
  optionalText,
  type Remember,
  requireRole,
  requireText,
  shanghaiDate,
} from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { CaseEntity } from '../entities/index.js';
import { CaseStage, RecordActivity } from '../rules/kinds.js';
import { publishCaseOpened } from './case-opened.js';
import { assertCredentials, assertLocalEntryRules } from './checks.js';
import { assertCitable } from './citations.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, officerIdsOf } from './drafts.js';
import { insertEntry } from './insert-entry.js';
import { deadlinesAtFiling } from './licensing.js';
import { CASE_WRITERS } from './lock.js';
import { amountOf, type PartyInputLike, partyOf } from './party.js';

export interface OpenCaseInputLike {
  caseNumber: string;
  category: EnforcementCategory;
  cause: string;
  party: PartyInputLike;
  amountInvolved?: string | null;
  handlerIds: string[];
  summary?: string | null;
  attachments?: AttachmentInputLike[] | null;
}

/**
 * 立案 Opens a case in the caller's agency at FILING, with its filing entry acted by the handlers.
 * Handlers must be the agency's officers with a credential valid for the category and region today.
 */
export function openCase(ctx: Context, input: OpenCaseInputLike): Promise<CaseEntity> {
  return idempotent(ctx, 'records', 'openCase', { input }, byId(CaseEntity), (remember) =>
    openCaseOnce(ctx, input, remember),
  );
}

async function openCaseOnce(
  ctx: Context,
  input: OpenCaseInputLike,
  remember: Remember<CaseEntity>,
): Promise<CaseEntity> {
  requireRole(ctx.identity, ...CASE_WRITERS);
  const agencyId = ctx.identity.agencyId!;
  const caseNumber = requireText('caseNumber', input.caseNumber, 60);
  const cause = requireText('cause', input.cause, 500);
  const party = partyOf(input.party);
  const amountInvolved = amountOf('amountInvolved', input.amountInvolved);
  const handlerIds = officerIdsOf('handlerIds', input.handlerIds);
  const now = new Date();
  const draft: EntryDraft = {
    stage: CaseStage.FILING,
    activity: RecordActivity.FILING,
    occurredAt: now,
    officerIds: handlerIds,
    summary: optionalText('summary', input.summary, 4000) ?? `立案：${cause}`,
    attachments: attachmentDrafts('attachments', input.attachments),
    correctsId: null,
    affectsLibertyOrProperty: false,
  };
  await assertLocalEntryRules(ctx.em, agencyId, draft);
  if (await ctx.em.count(CaseEntity, { agencyId, caseNumber })) throw duplicate(caseNumber);

  const agency = await agencyFacts(agencyId);
  if (!agency) throw notFound('agency', agencyId);
  const scope = { agencyId, category: input.category, region: agency.region };
  await assertCredentials('handlerIds', handlerIds, scope, now);

  try {
    return await ctx.em.transactional(async (tx) => {
      await assertCitable(
        tx,
        agencyId,
        [{ field: 'attachments', attachments: draft.attachments }],
        'LIVE',
        ctx.identity.sub!,
      );
      const c = tx.create(CaseEntity, {
        agencyId,
        region: agency.region,
        caseNumber,
        category: input.category,
        cause,
        ...party,
        amountInvolved,
        handlerIds,
        stage: CaseStage.FILING,
        filedAt: now,
        ...(await deadlinesAtFiling(tx, input.category, shanghaiDate(now))),
        createdBy: ctx.identity.sub!,
      });
      // CaseOpened first, so a consumer never sees an entry of a case it has not heard of.
      await publishCaseOpened(tx, c, false);
      await insertEntry(tx, c, draft, ctx.identity.sub!);
      await remember(tx, c);
      return c;
    });
  } catch (e) {
    // A racing repeat of the same Idempotency-Key is answered by idempotent(), not as a duplicate number.
    if (e instanceof UniqueConstraintViolationException && !e.message.includes('idempotency_pkey'))
      throw duplicate(caseNumber);
    throw e;
  }
}

const duplicate = (caseNumber: string): AppError =>
  conflict(`caseNumber: ${caseNumber} is already used by another case of this agency / 案号已存在`, {
    field: 'caseNumber',
  });
