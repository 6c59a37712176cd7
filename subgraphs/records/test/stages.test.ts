import { EnforcementCategory } from '@tsp/shared';

import { CaseStage as S, RecordActivity as A } from '../src/rules/kinds';
import { nextStage, STAGE_PATHS, stageProblem } from '../src/rules/stages';

describe('stage order (STAGE_ORDER)', () => {
  test('penalty cases use the full path; licensing and inspection skip what does not apply', () => {
    expect(STAGE_PATHS.PENALTY).toHaveLength(8);
    expect(STAGE_PATHS.LICENSING).not.toContain(S.INVESTIGATION);
    expect(STAGE_PATHS.INSPECTION).not.toContain(S.EXECUTION);
    expect(nextStage(EnforcementCategory.LICENSING, S.FILING)).toBe(S.EXAMINATION);
    expect(nextStage(EnforcementCategory.PENALTY, S.ARCHIVED)).toBeNull();
  });

  test('meets: the current stage, or the next on the path', () => {
    expect(stageProblem(EnforcementCategory.PENALTY, S.INVESTIGATION, S.INVESTIGATION)).toBeNull();
    expect(stageProblem(EnforcementCategory.PENALTY, S.INVESTIGATION, S.EVIDENCE)).toBeNull();
    expect(stageProblem(EnforcementCategory.LICENSING, S.FILING, S.EXAMINATION)).toBeNull();
    expect(stageProblem(EnforcementCategory.PENALTY, S.ARCHIVED, S.ARCHIVED, A.NOTE)).toBeNull();
  });

  test('breaks: going back, skipping a required stage, a stage the category lacks, writing to an archived case', () => {
    expect(stageProblem(EnforcementCategory.PENALTY, S.EVIDENCE, S.INVESTIGATION)).toMatch(/go back/);
    expect(stageProblem(EnforcementCategory.PENALTY, S.INVESTIGATION, S.EXAMINATION)).toMatch(
      /EVIDENCE cannot be skipped/,
    );
    expect(stageProblem(EnforcementCategory.LICENSING, S.FILING, S.INVESTIGATION)).toMatch(/no INVESTIGATION stage/);
    expect(stageProblem(EnforcementCategory.PENALTY, S.ARCHIVED, S.ARCHIVED, A.DOCUMENT)).toMatch(/archived/);
  });
});
