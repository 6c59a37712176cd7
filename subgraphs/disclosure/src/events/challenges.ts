import type { EntityManager } from '@mikro-orm/postgresql';
import {
  contractProblems,
  type DecisionChallengeDecidedPayload,
  DecisionChallengeDecidedPayloadSchema,
  type DomainEvent,
  loadCalendar,
  shanghaiDate,
} from '@tsp/shared';

import { PublicationEntity } from '../entities/index.js';
import { withdrawalDueOn } from '../rules/deadlines.js';
import { PublicationKind, PublicationStatus, RevisionAction, WithdrawalTrigger } from '../rules/kinds.js';
import { effectiveStatus } from '../rules/publication.js';
import { addRevision } from '../write/revisions.js';
import { recordProblem } from './problems.js';

export const DECISION_CHALLENGE_DECIDED = 'DecisionChallengeDecided';

const TRIGGER: Partial<Record<DecisionChallengeDecidedPayload['outcome'], WithdrawalTrigger>> = {
  CHANGED: WithdrawalTrigger.DECISION_CHANGED,
  REVOKED: WithdrawalTrigger.DECISION_REVOKED,
  CONFIRMED_UNLAWFUL: WithdrawalTrigger.CONFIRMED_ILLEGAL,
  CONFIRMED_VOID: WithdrawalTrigger.CONFIRMED_VOID,
};

/**
 * 行政处罚法 §48 第二款: a published decision changed, revoked, confirmed unlawful or void on reconsideration or in
 * court is withdrawn within 3 working days of that outcome — the same deadline `reportDecisionChange` starts, here
 * started by records' DecisionChallengeDecided. An unpublished decision has nothing to withdraw; a deadline already
 * running (the agency reported the change first) keeps its day.
 */
export async function onDecisionChallengeDecided(em: EntityManager, e: DomainEvent): Promise<void> {
  const parsed = DecisionChallengeDecidedPayloadSchema.safeParse(e.payload);
  if (!parsed.success) return recordProblem(em, e, contractProblems(parsed.error));
  const x = parsed.data;
  const trigger = TRIGGER[x.outcome];
  if (!x.overturns || !trigger) return;
  const p = await em.findOne(PublicationEntity, { kind: PublicationKind.DECISION, caseId: x.caseId });
  if (!p || p.agencyId !== e.agencyId || p.withdrawalDueOn) return;
  if (effectiveStatus(p, shanghaiDate()) !== PublicationStatus.PUBLISHED) return;
  em.assign(p, {
    withdrawalTrigger: trigger,
    withdrawalEventOn: x.decidedOn,
    withdrawalDueOn: withdrawalDueOn(await loadCalendar(em), x.decidedOn),
    version: p.version + 1,
    updatedAt: new Date(),
  });
  const kind = x.kind === 'RECONSIDERATION' ? '行政复议' : '行政诉讼';
  addRevision(em, p, RevisionAction.WITHDRAWAL_REQUIRED, `决定经${kind}被纠错（${x.outcome}）`, 'records');
  await em.flush();
}
