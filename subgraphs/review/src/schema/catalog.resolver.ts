import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import {
  assertCanWrite, badInput, compareDecimal, notFound, optionalText, requireId, requireText, Role, type Context, Idempotent, asAnswer, reloaded,
} from '@tsp/shared';
import { CatalogRuleEntity, ReviewSettingsEntity } from '../entities/index.js';
import { MAX_REVIEW_DAYS } from '../rules/thresholds.js';
import { agencyFacts } from '../deps/personnel.js';
import { Agency, ReviewCatalogRule, ReviewSettings } from './types.js';
import { AmountThresholdInput, ReviewCatalogRuleInput, ReviewSettingsInput } from './inputs.js';
import { agencyPolicy, toRuleView } from './policy.js';
import { load } from './loaders.js';

const CATALOG_EDITORS = [Role.AGENCY_HEAD, Role.LEGAL_REVIEWER, Role.ADMIN] as const;

/** A repeated Idempotency-Key answers with the rule, read again. */
const ruleReplay = reloaded(async (ctx, id) => toRuleView(await ctx.em.findOneOrFail(CatalogRuleEntity, { id })));

async function catalogOf(ctx: Context, agencyId: string) {
  return (await load.catalog(ctx).load(agencyId)).map(toRuleView);
}

async function settingsOf(ctx: Context, agencyId: string): Promise<ReviewSettings> {
  const p = await agencyPolicy(ctx, agencyId);
  return { normalDays: p.days.normal, complexDays: p.days.complex, largeAmountNaturalPerson: p.large.naturalPerson, largeAmountOrganization: p.large.organization, isDefault: p.isDefault };
}

/** The agency's region (rows are scoped by it); NOT_FOUND for an unknown agency. */
async function regionOf(ctx: Context, agencyId: string): Promise<string> {
  const a = await agencyFacts(ctx, agencyId);
  if (!a) throw notFound('agency', agencyId);
  return a.region;
}

function positiveOrNull(field: string, v: string | null | undefined): string | null {
  if (v == null) return null;
  if (compareDecimal(v, '0') <= 0) throw badInput(field, 'must be more than 0 yuan');
  return v;
}

function thresholds(field: string, t: AmountThresholdInput | null | undefined): [string | null, string | null] {
  if (!t) return [null, null];
  const pair: [string | null, string | null] = [positiveOrNull(`${field}.naturalPerson`, t.naturalPerson), positiveOrNull(`${field}.organization`, t.organization)];
  if (pair[0] == null && pair[1] == null) throw badInput(field, 'give an amount for at least one party type, or leave the threshold out');
  return pair;
}

@Resolver()
export class CatalogResolver {
  @Query(() => [ReviewCatalogRule], { description: '重大执法决定法制审核目录清单（公开） An agency\'s catalogue (public)' })
  reviewCatalog(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string) {
    return catalogOf(ctx, requireId('agency', agencyId));
  }

  @UseMiddleware(Idempotent('review', ruleReplay))
  @Mutation(() => ReviewCatalogRule, { description: '新增或修改目录条目 Create or replace a catalogue rule (agency head or legal reviewer of the agency; ADMIN)' })
  async setReviewCatalogRule(@Ctx() ctx: Context, @Arg('input', { description: '目录条目 The rule' }) input: ReviewCatalogRuleInput) {
    const agencyId = requireId('agency', input.agencyId);
    assertCanWrite(ctx.identity, agencyId, CATALOG_EDITORS);
    const [fineN, fineO] = thresholds('fineThreshold', input.fineThreshold);
    const [invN, invO] = thresholds('amountInvolvedThreshold', input.amountInvolvedThreshold);
    const values = {
      category: input.category,
      description: requireText('description', input.description, 500),
      penaltyKinds: [...new Set(input.penaltyKinds)],
      fineMinNaturalPerson: fineN, fineMinOrganization: fineO, amountInvolvedMinNaturalPerson: invN, amountInvolvedMinOrganization: invO,
      hearingHeld: input.hearingHeld,
      enforcementLevel: optionalText('enforcementLevel', input.enforcementLevel, 200),
      field: optionalText('field', input.field, 200),
      socialImpact: optionalText('socialImpact', input.socialImpact, 1000),
      legalBasis: requireText('legalBasis', input.legalBasis, 1000),
      updatedBy: ctx.identity.sub!, updatedAt: new Date(), active: true,
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

  @UseMiddleware(Idempotent('review', ruleReplay))
  @Mutation(() => ReviewCatalogRule, { description: '停用目录条目 Deactivate a catalogue rule (kept for the record; no longer applies)' })
  async deactivateReviewCatalogRule(@Ctx() ctx: Context, @Arg('id', () => ID, { description: '目录条目 Rule id' }) id: string) {
    const row = await ctx.em.findOne(CatalogRuleEntity, { id: requireId('catalog rule', id) });
    if (!row) throw notFound('catalog rule', id);
    assertCanWrite(ctx.identity, row.agencyId, CATALOG_EDITORS);
    row.active = false;
    row.updatedBy = ctx.identity.sub!;
    row.updatedAt = new Date();
    await ctx.em.flush();
    return toRuleView(row);
  }

  @UseMiddleware(Idempotent('review', asAnswer()))
  @Mutation(() => ReviewSettings, { description: '设置审核期限和较大数额标准 Set the agency\'s review time limits and large-amount thresholds' })
  async setReviewSettings(@Ctx() ctx: Context, @Arg('input', { description: '审核设置 The settings' }) input: ReviewSettingsInput): Promise<ReviewSettings> {
    const agencyId = requireId('agency', input.agencyId);
    assertCanWrite(ctx.identity, agencyId, CATALOG_EDITORS);
    for (const [f, v] of [['normalDays', input.normalDays], ['complexDays', input.complexDays]] as const)
      if (!Number.isInteger(v) || v < 1 || v > MAX_REVIEW_DAYS) throw badInput(f, `must be 1…${MAX_REVIEW_DAYS} working days`);
    if (input.complexDays < input.normalDays) throw badInput('complexDays', 'must not be shorter than normalDays');
    const values = {
      normalDays: input.normalDays, complexDays: input.complexDays,
      largeAmountNaturalPerson: positiveOrNull('largeAmountNaturalPerson', input.largeAmountNaturalPerson)!,
      largeAmountOrganization: positiveOrNull('largeAmountOrganization', input.largeAmountOrganization)!,
      updatedBy: ctx.identity.sub!, updatedAt: new Date(),
    };
    const found = await ctx.em.findOne(ReviewSettingsEntity, { agencyId });
    if (found) ctx.em.assign(found, values);
    else ctx.em.create(ReviewSettingsEntity, { ...values, agencyId, region: await regionOf(ctx, agencyId) });
    await ctx.em.flush();
    return { normalDays: values.normalDays, complexDays: values.complexDays, largeAmountNaturalPerson: values.largeAmountNaturalPerson, largeAmountOrganization: values.largeAmountOrganization, isDefault: false };
  }
}

@Resolver(() => Agency)
export class AgencyCatalogResolver {
  @FieldResolver(() => [ReviewCatalogRule], { description: '重大执法决定法制审核目录清单（公开） The agency\'s catalogue of major decisions (public)' })
  reviewCatalog(@Root() a: Agency, @Ctx() ctx: Context) {
    return catalogOf(ctx, a.id);
  }

  @FieldResolver(() => ReviewSettings, { description: '法制审核设置（公开） Review time limits and large-amount thresholds (public policy)' })
  reviewSettings(@Root() a: Agency, @Ctx() ctx: Context) {
    return settingsOf(ctx, a.id);
  }
}
