import type { Context, Finding } from '@tsp/shared';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { agencyReviewFindings } from '../read/findings.js';
import { Agency, SupervisionFinding } from './types.js';

@Resolver(() => Agency)
export class AgencyFindingsResolver {
  @FieldResolver(() => [SupervisionFinding], {
    description:
      "法制审核监督发现 Review findings: major decisions without a passed review, overdue reviews. Refused for the public; empty for callers outside the agency's scope.",
  })
  async reviewFindings(@Root() a: Agency, @Ctx() ctx: Context): Promise<Finding[]> {
    return agencyReviewFindings(ctx, a);
  }
}
