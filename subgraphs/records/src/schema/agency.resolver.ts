import type { Context, Finding } from '@tsp/shared';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';

import {
  agencyAudioVisualList,
  agencyCaseCount,
  agencyCaseFileRequirements,
  agencyRecordFindings,
} from '../read/agency.js';
import { RecordActivity } from '../rules/kinds.js';
import { Agency, CaseFileRequirement, SupervisionFinding } from './types.js';

@Resolver(() => Agency)
export class AgencyRecordsResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description: '案件数（本机关、监督机关可见） Number of cases; null for callers who may not read them',
  })
  caseCount(@Root() a: Agency, @Ctx() ctx: Context) {
    return agencyCaseCount(ctx, a.id);
  }

  @FieldResolver(() => [SupervisionFinding], {
    description:
      "记录监督发现 Records findings: overdue cases, missing audio-visual records, actions without a valid credential. Refused for the public; empty for callers outside the agency's scope.",
  })
  recordFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyRecordFindings(ctx, a.id);
  }

  @FieldResolver(() => [RecordActivity], {
    description: '音像记录事项清单（公开） Activities the agency records on audio/video (public)',
  })
  audioVisualList(@Root() a: Agency, @Ctx() ctx: Context) {
    return agencyAudioVisualList(ctx, a.id);
  }

  @FieldResolver(() => [CaseFileRequirement], {
    description: '案卷标准（公开） Case-file documents required per category (public)',
  })
  caseFileRequirements(@Root() a: Agency, @Ctx() ctx: Context): Promise<CaseFileRequirement[]> {
    return agencyCaseFileRequirements(ctx, a.id);
  }
}
