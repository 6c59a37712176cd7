import type { EntityManager } from '@mikro-orm/postgresql';
import { EnforcementCategory, loadCalendar, shanghaiDate } from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';
import { decisionDueOn } from '../rules/deadlines.js';
import {
  acceptanceDueOn,
  type ApplicationFacts,
  licensingDecisionDueOn,
  licensingExtensionProblem,
} from '../rules/licensing.js';

/**
 * A new case's due days. Licensing (行政许可法 §32, §42): the answer 5 working days after receipt, and the decision
 * 20 working days after receipt until an acceptance is recorded (an application not answered is deemed accepted
 * on receipt). Working days on the calendar as loaded now, ADMIN overrides included, as for service due days.
 */
export async function deadlinesAtFiling(
  em: EntityManager,
  category: EnforcementCategory,
  filedOn: string,
): Promise<{ decisionDueOn: string | null; acceptanceDueOn: string | null }> {
  if (category !== EnforcementCategory.LICENSING)
    return { decisionDueOn: decisionDueOn(category, filedOn), acceptanceDueOn: null };
  const cal = await loadCalendar(em);
  return {
    decisionDueOn: licensingDecisionDueOn({ filedOn, acceptedOn: null }, cal),
    acceptanceDueOn: acceptanceDueOn(filedOn, cal),
  };
}

const factsOf = (c: CaseEntity): ApplicationFacts => ({ filedOn: shanghaiDate(c.filedAt), acceptedOn: c.acceptedOn });

/**
 * 受理 The first ACCEPTANCE entry of a licensing case fixes the acceptance day and, while undecided, the decision due
 * day (from it when in time, else still from receipt). Later ACCEPTANCE entries (e.g. acceptance after 补正) and
 * other categories (a legacy import is not checked) change nothing. Extensions wait for the acceptance
 * (licensingExtensionProblem), so none is overwritten here.
 */
export async function noteAcceptance(tx: EntityManager, c: CaseEntity, occurredAt: Date): Promise<void> {
  if (c.category !== EnforcementCategory.LICENSING || c.acceptedOn !== null) return;
  c.acceptedOn = shanghaiDate(occurredAt);
  if (!c.decided) c.decisionDueOn = licensingDecisionDueOn(factsOf(c), await loadCalendar(tx));
}

/** §42 limits of a licensing extension (null for other categories). */
export async function licensingExtensionCheck(tx: EntityManager, c: CaseEntity, newDueOn: string) {
  if (c.category !== EnforcementCategory.LICENSING) return null;
  return licensingExtensionProblem(factsOf(c), newDueOn, await loadCalendar(tx));
}
