import { randomBytes } from 'node:crypto';

import {
  assertCanWrite,
  badInput,
  type Context,
  notFound,
  requireDate,
  requireId,
  requireNonEmpty,
  requireText,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { agencyFacts } from '../clients/personnel.js';
import {
  EnterpriseEntity,
  InspectionEntity,
  InspectionScopeEntity,
  InspectionTargetEntity,
} from '../entities/index.js';
import { publishInspectionEvent } from '../events/inspection-events.js';
import { windowProblem } from '../rules/code.js';
import { InspectionKind, InspectionStatus } from '../rules/kinds.js';
import { checkedTeam, publishedItems } from './checks.js';

/** Who plans and carries out inspections: the agency's officers and its head. */
export const INSPECTORS = [Role.OFFICER, Role.AGENCY_HEAD];

export interface PlanInspectionInputLike {
  kind: InspectionKind;
  urgent?: boolean | null;
  reason: string;
  enterpriseIds: string[];
  itemIds: string[];
  officerIds: string[];
  partnerAgencyIds?: string[] | null;
  validFrom: string;
  validUntil: string;
}

/** 检查码 128 random bits, URL-safe: unguessable, so only who was shown it can read or rate the visit. */
export const newCode = () => randomBytes(16).toString('base64url');

const ids = (what: string, list: string[] | null | undefined, max: number) => [
  ...new Set(requireNonEmpty(what, list, max).map((id) => requireId(what, id))),
];

/**
 * 制定检查方案 Plans an inspection of the caller's agency: enterprises, published items, kind, a team of two or
 * more credentialed officers, and the window it may take place in. It waits for the head's approval; an urgent one
 * may start at once and is approved afterwards.
 */
export async function planInspection(ctx: Context, input: PlanInspectionInputLike): Promise<InspectionEntity> {
  const agencyId = ctx.identity.agencyId ?? '';
  assertCanWrite(ctx.identity, agencyId, INSPECTORS);
  const kind = input.kind;
  const reason = requireText('reason', input.reason, 500);
  const enterpriseIds = ids('enterpriseIds', input.enterpriseIds, 20);
  const itemIds = ids('itemIds', input.itemIds, 50);
  const officerIds = requireNonEmpty('officerIds', input.officerIds, 20).map((id) => requireId('officerIds', id));
  const partners = [...new Set((input.partnerAgencyIds ?? []).map((id) => requireId('partnerAgencyIds', id)))].filter(
    (id) => id !== agencyId,
  );
  if (kind === InspectionKind.JOINT && !partners.length)
    throw badInput('partnerAgencyIds', 'a joint inspection names at least one other agency / 联合检查须有其他机关参加');
  if (kind !== InspectionKind.JOINT && partners.length)
    throw badInput('partnerAgencyIds', 'only a joint inspection has partner agencies');
  if (partners.length > 10) throw badInput('partnerAgencyIds', 'at most 10');
  const validFrom = requireDate('validFrom', input.validFrom);
  const validUntil = requireDate('validUntil', input.validUntil);
  const bad = windowProblem(validFrom, validUntil);
  if (bad) throw badInput('validUntil', bad);
  const today = shanghaiDate();
  if (validUntil < today) throw badInput('validUntil', 'the window has already passed / 检查期限已过');

  const agencyIds = [agencyId, ...partners];
  const agencies = await agencyFacts(agencyIds);
  const lead = agencies.find((a) => a.id === agencyId);
  if (!lead) throw notFound('agency', agencyId);
  const unknown = partners.filter((p) => !agencies.some((a) => a.id === p));
  if (unknown.length) throw notFound('agency', unknown[0]);
  // 属地管辖: a joint inspection brings together agencies of one region.
  if (agencies.some((a) => a.region !== lead.region))
    throw badInput('partnerAgencyIds', 'joint inspections are made by agencies of one region / 联合检查限本区域机关');

  const enterprises = await ctx.em.find(EnterpriseEntity, { id: { $in: enterpriseIds } });
  const missing = enterpriseIds.find((id) => !enterprises.some((e) => e.id === id));
  if (missing) throw notFound('enterprise', missing);
  await publishedItems(ctx.em, itemIds, agencyIds);
  const team = await checkedTeam(officerIds, agencyIds, lead.region, validFrom < today ? today : validFrom);

  return ctx.em.transactional(async (tx) => {
    // Items are read again under the transaction: one retired meanwhile is refused, not planned.
    const items = await publishedItems(tx, itemIds, agencyIds);
    const i = tx.create(InspectionEntity, {
      agencyId,
      region: lead.region,
      kind,
      urgent: input.urgent ?? false,
      reason,
      partnerAgencyIds: partners,
      officerIds: team.map((t) => t.officerId),
      team,
      validFrom,
      validUntil,
      status: InspectionStatus.PLANNED,
      plannedBy: ctx.identity.sub!,
    });
    for (const enterpriseId of enterpriseIds)
      tx.create(InspectionTargetEntity, { inspectionId: i.id, enterpriseId, code: newCode() });
    for (const it of items)
      tx.create(InspectionScopeEntity, { inspectionId: i.id, itemId: it.id, itemVersion: it.version });
    await tx.flush();
    await publishInspectionEvent(tx, 'InspectionPlanned', i);
    return i;
  });
}
