import { randomUUID } from 'node:crypto';

import {
  badInput,
  byId,
  type Context,
  type EnforcementCategory,
  idempotent,
  notFound,
  publishEvent,
  type Remember,
  requireId,
  requireRole,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import { decisionReviewCheck } from '../clients/review.js';
import { CaseEntity } from '../entities/index.js';
import { describeCredentialProblems } from '../rules/credentials.js';
import { CaseStage, RecordActivity } from '../rules/kinds.js';
import { publishCaseOpened } from './case-opened.js';
import { findCredentialProblems } from './checks.js';
import { assertCitable } from './citations.js';
import { decisionRowOf, type RecordDecisionInputLike, reviewCheckInput, writeDecision } from './decision.js';
import { judgeDiscretion } from './discretion.js';
import { attachmentDrafts, type AttachmentInputLike, type EntryDraft, officerIdsOf } from './drafts.js';
import { insertEntry } from './insert-entry.js';
import { deadlinesAtFiling } from './licensing.js';
import { amountOf, type PartyInputLike, partyOf } from './party.js';
import { legacyProcedureProblem } from './procedure-gate.js';

export interface LegacyEntryInputLike {
  stage: CaseStage;
  activity: RecordActivity;
  occurredAt: Date;
  officerIds: string[];
  summary: string;
  attachments?: AttachmentInputLike[] | null;
  affectsLibertyOrProperty?: boolean | null;
}

export interface ImportLegacyCaseInputLike {
  agencyId: string;
  caseNumber: string;
  category: EnforcementCategory;
  cause: string;
  party: PartyInputLike;
  amountInvolved?: string | null;
  handlerIds: string[];
  filedAt: Date;
  entries: LegacyEntryInputLike[];
  decision?: (Omit<RecordDecisionInputLike, 'caseId'> & { occurredAt?: Date | null }) | null;
}

/**
 * 历史案件导入 ADMIN ingests a case from a legacy system. The write-time rules are NOT applied
 * (the history is what it was); every row is marked legacy, each entry keeps the credential
 * problems personnel reports for its day, and findings then show what the rules would have refused.
 * Entries are journaled like any other; a legacy decision publishes DecisionRecorded with
 * reviewId null and legacy true.
 */
/** A case file's entries, bounded so one import cannot hold the service (each entry asks personnel). */
export const MAX_LEGACY_ENTRIES = 500;

export function importLegacyCase(ctx: Context, input: ImportLegacyCaseInputLike): Promise<CaseEntity> {
  return idempotent(ctx, 'records', 'importLegacyCase', { input }, byId(CaseEntity), (remember) =>
    importLegacyCaseOnce(ctx, input, remember),
  );
}

async function importLegacyCaseOnce(
  ctx: Context,
  input: ImportLegacyCaseInputLike,
  remember: Remember<CaseEntity>,
): Promise<CaseEntity> {
  requireRole(ctx.identity, Role.ADMIN);
  const agencyId = requireId('agency', input.agencyId);
  const caseNumber = requireText('caseNumber', input.caseNumber, 60);
  const cause = requireText('cause', input.cause, 500);
  const party = partyOf(input.party);
  const handlerIds = officerIdsOf('handlerIds', input.handlerIds);
  if (input.filedAt.getTime() > Date.now()) throw badInput('filedAt', 'cannot be in the future');
  const agency = await agencyFacts(agencyId);
  if (!agency) throw notFound('agency', agencyId);
  const scope = { agencyId, category: input.category, region: agency.region };

  if (input.entries.length > MAX_LEGACY_ENTRIES)
    throw badInput(
      'entries',
      `at most ${MAX_LEGACY_ENTRIES} entries per imported case / 单个案件至多导入${MAX_LEGACY_ENTRIES}条记录`,
    );
  const drafts: EntryDraft[] = [];
  for (const [i, e] of input.entries.entries()) {
    if (e.activity === RecordActivity.DECISION)
      throw badInput(`entries[${i}].activity`, 'give the decision in `decision`');
    drafts.push({
      stage: e.stage,
      activity: e.activity,
      occurredAt: e.occurredAt,
      officerIds: officerIdsOf(`entries[${i}].officerIds`, e.officerIds),
      summary: requireText(`entries[${i}].summary`, e.summary, 4000),
      attachments: attachmentDrafts(`entries[${i}].attachments`, e.attachments),
      correctsId: null,
      affectsLibertyOrProperty: e.affectsLibertyOrProperty ?? false,
      legacy: true,
    });
  }
  const decision = input.decision ? decisionRowOf(input.decision, shanghaiDate(input.filedAt)) : null;
  const decisionDraft: EntryDraft | null =
    input.decision && decision
      ? {
          stage: CaseStage.DECISION,
          activity: RecordActivity.DECISION,
          occurredAt: input.decision.occurredAt ?? new Date(`${decision.decidedOn}T10:00:00+08:00`),
          officerIds: officerIdsOf('decision.officerIds', input.decision.officerIds),
          summary: `${decision.outcome}：${decision.conclusion}`,
          attachments: attachmentDrafts('decision.attachments', input.decision.attachments),
          correctsId: null,
          affectsLibertyOrProperty: false,
          legacy: true,
        }
      : null;
  const all = [...drafts, ...(decisionDraft ? [decisionDraft] : [])].sort(
    (a, b) => a.occurredAt.getTime() - b.occurredAt.getTime(),
  );
  // One question per entry, eight at a time: an import's time does not add up all its entries' round trips.
  for (let i = 0; i < all.length; i += 8)
    await Promise.all(
      all.slice(i, i + 8).map(async (d) => {
        const problems = await findCredentialProblems(d.officerIds, scope, d.occurredAt);
        d.credentialProblem = problems.length ? describeCredentialProblems(problems) : null;
      }),
    );
  const caseId = randomUUID();
  const amountInvolved = amountOf('amountInvolved', input.amountInvolved);
  const hearingHeld = all.some((d) => d.activity === RecordActivity.HEARING);
  // Imports bypass the gates; what they would have found is kept on the decision for the findings.
  const discretion =
    decision && input.decision?.discretion ? await judgeDiscretion(scope, decision, input.decision.discretion) : null;
  const procedure = decision
    ? await legacyProcedureProblem(
        ctx.em,
        { category: input.category, handlerIds },
        decision,
        all,
        (
          await decisionReviewCheck(
            reviewCheckInput(
              {
                id: caseId,
                agencyId,
                category: input.category,
                partyType: party.partyType,
                amountInvolved,
                hearingHeld,
              },
              decision,
            ),
          )
        ).largeAmount,
      )
    : null;

  return ctx.em.transactional(async (tx) => {
    // Historical evidence nobody uploaded may come in; another agency's uploads may not (rules/attachments.ts).
    const cited = [
      ...drafts.map((d, i) => ({ field: `entries[${i}].attachments`, attachments: d.attachments })),
      ...(decisionDraft ? [{ field: 'decision.attachments', attachments: decisionDraft.attachments }] : []),
    ];
    await assertCitable(tx, agencyId, cited, 'IMPORT', ctx.identity.sub!);
    const c = tx.create(CaseEntity, {
      id: caseId,
      agencyId,
      region: agency.region,
      caseNumber,
      category: input.category,
      cause,
      ...party,
      amountInvolved,
      handlerIds,
      stage: all[0]?.stage ?? CaseStage.FILING,
      filedAt: input.filedAt,
      ...(await deadlinesAtFiling(tx, input.category, shanghaiDate(input.filedAt))),
      hearingHeld,
      legacy: true,
      createdBy: ctx.identity.sub!,
    });
    await publishCaseOpened(tx, c, true);
    for (const d of all) {
      if (d === decisionDraft)
        await writeDecision(tx, c, decision!, d, {
          reviewId: null,
          actor: ctx.identity.sub!,
          legacy: true,
          procedureProblem: procedure?.reason ?? null,
          discretion,
        });
      else await insertEntry(tx, c, d, ctx.identity.sub!);
    }
    await tx.flush();
    if (c.stage === CaseStage.ARCHIVED)
      await publishEvent(tx, 'records', {
        type: 'CaseArchived',
        agencyId,
        region: c.region,
        subjectId: c.id,
        payload: {
          caseId: c.id,
          caseNumber,
          category: c.category,
          archivedAt: all.at(-1)!.occurredAt.toISOString(),
          entries: c.entryCount,
          legacy: true,
        },
      });
    await remember(tx, c);
    return c;
  });
}
