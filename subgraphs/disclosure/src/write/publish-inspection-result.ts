import {
  AGENCY_ROLES,
  assertCanWrite,
  type Context,
  EnforcementCategory,
  loadCalendar,
  type PartyType,
  requireDate,
  requireId,
  requireText,
  shanghaiDate,
} from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';
import { regionOf } from '../read/agency-region.js';
import { PublicationKind, PublicationStatus, RevisionAction } from '../rules/kinds.js';
import { draftFromDecision } from '../rules/publication.js';
import { requireNotFuture } from '../rules/withdrawal.js';
import { inTransaction } from './in-transaction.js';
import { publish } from './publish.js';
import { addRevision } from './revisions.js';

/** 双随机抽查结果 A random-inspection result as entered by the agency. */
export interface InspectionResult {
  agencyId: string;
  inspectionNumber: string;
  partyName: string;
  partyType: PartyType;
  partyIsMinor: boolean;
  summary: string;
  conclusion: string;
  legalBasis: string;
  inspectedOn: string;
  publishNow: boolean;
}

/**
 * 双随机抽查结果公示 Enters a random-inspection result, masked like decisions; published at once unless
 * publishNow is false.
 */
export async function publishInspectionResult(ctx: Context, input: InspectionResult): Promise<PublicationEntity> {
  const agencyId = requireId('agency', input.agencyId);
  assertCanWrite(ctx.identity, agencyId, AGENCY_ROLES);
  const region = await regionOf(ctx, agencyId);
  const inspectedOn = requireNotFuture(
    'input.inspectedOn',
    requireDate('input.inspectedOn', input.inspectedOn),
    shanghaiDate(),
  );
  // The item, its revision and (published at once) its PublicationPublished commit together.
  return inTransaction(ctx, async (tx) => {
    const draft = draftFromDecision(
      {
        caseId: '',
        caseNumber: requireText('input.inspectionNumber', input.inspectionNumber, 100),
        agencyId,
        category: EnforcementCategory.INSPECTION,
        cause: '',
        party: {
          type: input.partyType,
          name: requireText('input.partyName', input.partyName, 200),
          isMinor: input.partyIsMinor,
        },
        outcome: '',
        penaltyKinds: [],
        fineAmount: null,
        confiscationAmount: null,
        legalBasis: requireText('input.legalBasis', input.legalBasis, 2000),
        facts: requireText('input.summary', input.summary, 4000),
        conclusion: requireText('input.conclusion', input.conclusion, 4000),
        decidedOn: inspectedOn,
        reviewId: null,
      },
      await loadCalendar(tx.em),
    );
    const p = tx.em.create(PublicationEntity, {
      kind: PublicationKind.INSPECTION_RESULT,
      agencyId,
      region,
      category: EnforcementCategory.INSPECTION,
      partyType: input.partyType,
      caseNumber: draft.caseNumber,
      partyName: draft.partyName,
      summary: draft.summary,
      conclusion: draft.conclusion,
      legalBasis: draft.legalBasis,
      decidedOn: inspectedOn,
      dueOn: draft.dueOn,
      status: PublicationStatus.DRAFT,
      publishable: draft.publishable,
      notPublishableReason: draft.notPublishableReason,
      partyNamePrivate: draft.partyNamePrivate,
    });
    const action = draft.publishable ? RevisionAction.DRAFTED : RevisionAction.NOT_PUBLISHABLE;
    addRevision(
      tx.em,
      p,
      action,
      draft.notPublishableReason ?? '录入抽查结果 inspection result entered',
      tx.identity.sub!,
    );
    if (input.publishNow && draft.publishable) await publish(tx, p, null);
    await tx.em.flush();
    return p;
  });
}
