import type { EntityManager } from '@mikro-orm/postgresql';
import { alignMany, type Context, type EnforcementCategory } from '@tsp/shared';

import { DecisionChallengeEntity } from '../entities/index.js';
import { type ChallengeKind, type ChallengeOutcome, OVERTURNING_OUTCOMES } from '../rules/challenge.js';
import type { OverturnFindingFacts } from '../rules/findings.js';

/** A case's challenges, filing order; one statement for every case of the request. */
export const challengesOfCase = (ctx: Context) =>
  ctx.loaders.get<string, DecisionChallengeEntity[]>('challengesOfCase', async (ids) =>
    alignMany(
      ids,
      await ctx.em.find(
        DecisionChallengeEntity,
        { caseId: { $in: [...ids] } },
        { orderBy: { caseId: 'asc', filedOn: 'asc', createdAt: 'asc' } },
      ),
      (x) => x.caseId,
    ),
  );

/**
 * Decisions of these agencies overturned on reconsideration or in court, each once (its first overturning outcome),
 * from decision_challenge_overturned_idx (migration 0014): one statement for any number of agencies.
 */
export async function overturnedDecisions(
  em: EntityManager,
  agencyIds: readonly string[],
): Promise<(OverturnFindingFacts & { agencyId: string })[]> {
  const rows = await em.execute<
    {
      case_id: string;
      agency_id: string;
      case_number: string;
      category: EnforcementCategory;
      kind: ChallengeKind;
      body: string;
      reference: string;
      outcome: ChallengeOutcome;
      decided_on: string;
    }[]
  >(
    `select distinct on (x.case_id) x.case_id, x.agency_id, c.case_number, c.category, x.kind, x.body, x.reference,
            x.outcome, to_char(x.decided_on, 'YYYY-MM-DD') as decided_on
       from records.decision_challenge x join records.enforcement_case c on c.id = x.case_id
      where x.agency_id = any(?::uuid[]) and x.outcome = any(?::text[])
      order by x.case_id, x.decided_on, x.created_at`,
    [`{${agencyIds.join(',')}}`, `{${OVERTURNING_OUTCOMES.join(',')}}`],
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    category: r.category,
    kind: r.kind,
    body: r.body,
    reference: r.reference,
    outcome: r.outcome,
    decidedOn: r.decided_on,
  }));
}
