import { canRead, type Context, type EnforcementCategory, type Finding } from '@tsp/shared';

import { evaluationFindings } from '../rules/evaluation-findings.js';
import type { EvaluationGrade } from '../rules/evaluation-kinds.js';

interface Row {
  case_id: string;
  agency_id: string;
  region: string;
  case_number: string;
  category: EnforcementCategory;
  title: string;
  year: number;
  grade: EvaluationGrade;
  total: string;
  veto_failed: boolean;
  scored_at: Date;
}

/** Failed case files of several agencies: one statement. */
const FAILED = `
  select e.case_id, e.agency_id, e.region, e.case_number, e.category, p.title, p.year, e.grade, e.total,
         e.veto_failed, e.scored_at
    from supervision.case_file_evaluation e join supervision.evaluation_plan p on p.id = e.plan_id
   where e.agency_id = any(?::uuid[]) and e.grade = 'FAILED'
   order by e.scored_at, e.id`;

/** 案卷不合格 CASE_FILE_FAILED findings of these agencies that the caller may read. */
export async function caseFileFindings(ctx: Context, agencyIds: readonly string[]): Promise<Finding[]> {
  const rows = (await ctx.em.execute<Row[]>(FAILED, [`{${agencyIds.join(',')}}`])).filter((r) =>
    canRead(ctx.identity, { agencyId: r.agency_id, region: r.region }),
  );
  return evaluationFindings(
    rows.map((r) => ({
      caseId: r.case_id,
      agencyId: r.agency_id,
      caseNumber: r.case_number,
      category: r.category,
      planTitle: r.title,
      year: r.year,
      grade: r.grade,
      total: Number(r.total),
      vetoFailed: r.veto_failed,
      scoredAt: new Date(r.scored_at),
    })),
  );
}
