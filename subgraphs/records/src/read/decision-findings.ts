import type { EntityManager } from '@mikro-orm/postgresql';
import type { EnforcementCategory } from '@tsp/shared';

import type { DecisionFindingFacts } from '../rules/findings.js';

/**
 * Decisions of these agencies that left the procedure or the benchmark, from the partial index
 * case_decision_departed_idx (migration 0013): few rows, one statement for any number of agencies.
 */
export async function departedDecisions(
  em: EntityManager,
  agencyIds: readonly string[],
): Promise<(DecisionFindingFacts & { agencyId: string })[]> {
  const rows = await em.execute<
    {
      case_id: string;
      agency_id: string;
      case_number: string;
      category: EnforcementCategory;
      decided_on: string;
      procedure_problem: string | null;
      discretion_departures: string[];
      departure_reason: string | null;
      legacy: boolean;
    }[]
  >(
    `select d.case_id, c.agency_id, c.case_number, c.category, to_char(d.decided_on, 'YYYY-MM-DD') as decided_on,
            d.procedure_problem, d.discretion_departures, d.departure_reason, d.legacy
       from records.case_decision d join records.enforcement_case c on c.id = d.case_id
      where (d.procedure_problem is not null or cardinality(d.discretion_departures) > 0)
        and c.agency_id = any(?::uuid[])`,
    [`{${agencyIds.join(',')}}`],
  );
  return rows.map((r) => ({
    agencyId: r.agency_id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    category: r.category,
    decidedOn: r.decided_on,
    procedureProblem: r.procedure_problem,
    discretionDepartures: r.discretion_departures,
    departureReason: r.departure_reason,
    legacy: r.legacy,
  }));
}
