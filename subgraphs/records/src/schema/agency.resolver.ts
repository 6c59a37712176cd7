import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { EnforcementCategory, requireFindingsCaller, type Context, type Finding } from '@tsp/shared';
import { Agency, CaseFileRequirement, SupervisionFinding } from './types.js';
import { RecordActivity } from '../rules/kinds.js';
import { DEFAULT_AUDIO_VISUAL_LIST } from '../rules/audio-visual.js';
import { DEFAULT_CASE_FILE_REQUIREMENTS } from '../rules/case-file.js';
import { load } from './loaders.js';
import { agencyLoad } from './agency-loaders.js';
import { mayRead } from './access.js';

@Resolver(() => Agency)
export class AgencyRecordsResolver {
  @FieldResolver(() => Int, { nullable: true, description: '案件数（本机关、监督机关可见） Number of cases; null for callers who may not read them' })
  async caseCount(@Root() a: Agency, @Ctx() ctx: Context) {
    const r = await agencyLoad.caseCount(ctx).load(a.id);
    if (r === null) return ctx.identity.role ? 0 : null;
    return mayRead(ctx, { agencyId: a.id, region: r.region }) ? r.n : null;
  }

  @FieldResolver(() => [SupervisionFinding], {
    description: '记录监督发现 Records findings: overdue cases, missing audio-visual records, actions without a valid credential. Refused for the public; empty for callers outside the agency\'s scope.',
  })
  recordFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    requireFindingsCaller(ctx.identity);
    return agencyLoad.findings(ctx).load(a.id);
  }

  @FieldResolver(() => [RecordActivity], { description: '音像记录事项清单（公开） Activities the agency records on audio/video (public)' })
  async audioVisualList(@Root() a: Agency, @Ctx() ctx: Context) {
    return (await load.audioVisualList(ctx).load(a.id))?.activities ?? DEFAULT_AUDIO_VISUAL_LIST;
  }

  @FieldResolver(() => [CaseFileRequirement], { description: '案卷标准（公开） Case-file documents required per category (public)' })
  async caseFileRequirements(@Root() a: Agency, @Ctx() ctx: Context): Promise<CaseFileRequirement[]> {
    const own = await load.caseFileRequirements(ctx).load(a.id);
    return Object.values(EnforcementCategory).map((category) => {
      const row = own.find((r) => r.category === category);
      return { category, documents: [...(row?.documents ?? DEFAULT_CASE_FILE_REQUIREMENTS[category])], isDefault: !row };
    });
  }
}
