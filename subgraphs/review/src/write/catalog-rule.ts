import {
  assertCanWrite,
  type Context,
  type EnforcementCategory,
  notFound,
  optionalText,
  type PenaltyKind,
  requireId,
  requireText,
  Role,
} from '@tsp/shared';

import { CatalogRuleEntity } from '../entities/index.js';
import { toRuleView } from '../read/policy.js';
import { partyThresholds } from '../rules/settings.js';
import { regionOf } from './agency-region.js';

/** Who edits an agency's catalogue and settings: its head and legal reviewers, and ADMIN. */
export const CATALOG_EDITORS = [Role.AGENCY_HEAD, Role.LEGAL_REVIEWER, Role.ADMIN] as const;

type Threshold = { naturalPerson?: string | null; organization?: string | null };

export interface CatalogRuleInputLike {
  id?: string | null;
  agencyId: string;
  category: EnforcementCategory;
  description: string;
  penaltyKinds: PenaltyKind[];
  fineThreshold?: Threshold | null;
  amountInvolvedThreshold?: Threshold | null;
  hearingHeld: boolean;
  enforcementLevel?: string | null;
  field?: string | null;
  socialImpact?: string | null;
  legalBasis: string;
}

/** 新增或修改目录条目 Creates a rule, or replaces one of the same agency (NOT_FOUND otherwise). */
export async function setReviewCatalogRule(ctx: Context, input: CatalogRuleInputLike) {
  const agencyId = requireId('agency', input.agencyId);
  assertCanWrite(ctx.identity, agencyId, CATALOG_EDITORS);
  const [fineN, fineO] = partyThresholds('fineThreshold', input.fineThreshold);
  const [invN, invO] = partyThresholds('amountInvolvedThreshold', input.amountInvolvedThreshold);
  const values = {
    category: input.category,
    description: requireText('description', input.description, 500),
    penaltyKinds: [...new Set(input.penaltyKinds)],
    fineMinNaturalPerson: fineN,
    fineMinOrganization: fineO,
    amountInvolvedMinNaturalPerson: invN,
    amountInvolvedMinOrganization: invO,
    hearingHeld: input.hearingHeld,
    enforcementLevel: optionalText('enforcementLevel', input.enforcementLevel, 200),
    field: optionalText('field', input.field, 200),
    socialImpact: optionalText('socialImpact', input.socialImpact, 1000),
    legalBasis: requireText('legalBasis', input.legalBasis, 1000),
    updatedBy: ctx.identity.sub!,
    updatedAt: new Date(),
    active: true,
  };
  let row: CatalogRuleEntity;
  if (input.id) {
    const found = await ctx.em.findOne(CatalogRuleEntity, { id: requireId('catalog rule', input.id) });
    if (!found || found.agencyId !== agencyId) throw notFound('catalog rule', input.id);
    row = ctx.em.assign(found, values);
  } else {
    row = ctx.em.create(CatalogRuleEntity, { ...values, agencyId, region: await regionOf(ctx, agencyId) });
  }
  await ctx.em.flush();
  return toRuleView(row);
}

/** 停用目录条目 The rule is kept for the record and no longer applies. */
export async function deactivateReviewCatalogRule(ctx: Context, id: string) {
  const row = await ctx.em.findOne(CatalogRuleEntity, { id: requireId('catalog rule', id) });
  if (!row) throw notFound('catalog rule', id);
  assertCanWrite(ctx.identity, row.agencyId, CATALOG_EDITORS);
  row.active = false;
  row.updatedBy = ctx.identity.sub!;
  row.updatedAt = new Date();
  await ctx.em.flush();
  return toRuleView(row);
}
