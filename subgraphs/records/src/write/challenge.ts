import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCanWrite,
  badInput,
  conflict,
  type Context,
  type DecisionChallengeDecidedPayload,
  forbidden,
  type Identity,
  notFound,
  publishEvent,
  requireDate,
  requireId,
  requireText,
  requireUser,
  Role,
  shanghaiDate,
} from '@tsp/shared';

import { CaseEntity, DecisionChallengeEntity, DecisionEntity } from '../entities/index.js';
import {
  CHALLENGE_TEXT_LIMITS,
  challengeDateProblem,
  type ChallengeKind,
  ChallengeOutcome,
  overturns,
  transitionProblem,
} from '../rules/challenge.js';

export interface RecordChallengeInputLike {
  caseId: string;
  kind: ChallengeKind;
  body: string;
  reference: string;
  filedOn: string;
  outcome?: ChallengeOutcome | null;
  decidedOn?: string | null;
  summary: string;
}

export interface DecideChallengeInputLike {
  id: string;
  outcome: ChallengeOutcome;
  decidedOn: string;
  summary: string;
}

/**
 * Who records a challenge: the case's agency (its officers and head, who answer the reconsideration or the suit),
 * the region's justice bureau (the county government's reconsideration office sits in it), ADMIN.
 */
function assertMayRecord(identity: Identity, c: CaseEntity): void {
  requireUser(identity);
  if (identity.role === Role.SUPERVISOR) {
    if (identity.region !== c.region) throw forbidden('this case is in another region / 无权记录其他区域的案件');
    return;
  }
  assertCanWrite(identity, c.agencyId, [Role.OFFICER, Role.AGENCY_HEAD, Role.ADMIN]);
}

/** The case, authorised, and its decision: there is nothing to challenge before one is recorded. */
async function decidedCase(ctx: Context, em: EntityManager, caseId: string) {
  const c = await em.findOne(CaseEntity, { id: requireId('case', caseId) });
  if (!c) throw notFound('case', caseId);
  assertMayRecord(ctx.identity, c);
  const d = c.decided ? await em.findOne(DecisionEntity, { caseId: c.id }) : null;
  if (!d) throw conflict('the case has no decision to challenge yet / 尚未作出行政决定');
  return { c, d };
}

function assertDates(d: DecisionEntity, filedOn: string, outcome: ChallengeOutcome, decidedOn: string | null): void {
  const p = challengeDateProblem({ decisionOn: d.decidedOn, filedOn, outcome, decidedOn, today: shanghaiDate() });
  if (p) throw badInput(...p);
}

/**
 * 记录行政复议 / 行政诉讼 A reconsideration or lawsuit against the case's decision, PENDING or already decided; one per
 * case, kind and reference (案号): recording it again is CONFLICT. Runs in the caller's transaction
 * (the resolver's Idempotent middleware); a decided one publishes DecisionChallengeDecided.
 */
export async function recordDecisionChallenge(
  ctx: Context,
  input: RecordChallengeInputLike,
): Promise<DecisionChallengeEntity> {
  return ctx.em.transactional(async (tx) => {
    const { c, d } = await decidedCase(ctx, tx, input.caseId);
    const outcome = input.outcome ?? ChallengeOutcome.PENDING;
    const filedOn = requireDate('filedOn', input.filedOn);
    const decidedOn = input.decidedOn == null ? null : requireDate('decidedOn', input.decidedOn);
    const row = {
      body: requireText('body', input.body, CHALLENGE_TEXT_LIMITS.body),
      reference: requireText('reference', input.reference, CHALLENGE_TEXT_LIMITS.reference),
      summary: requireText('summary', input.summary, CHALLENGE_TEXT_LIMITS.summary),
    };
    assertDates(d, filedOn, outcome, decidedOn);
    // Serialises recordings of one case, so the duplicate check below holds (the unique index is the backstop).
    await tx.execute(`select id from records.enforcement_case where id = ? for update`, [c.id]);
    if (await tx.findOne(DecisionChallengeEntity, { caseId: c.id, kind: input.kind, reference: row.reference }))
      throw conflict(`${input.kind} ${row.reference} is already recorded for this case; decide it instead / 已记录`, {
        field: 'reference',
      });
    const ch = tx.create(DecisionChallengeEntity, {
      caseId: c.id,
      agencyId: c.agencyId,
      region: c.region,
      kind: input.kind,
      ...row,
      filedOn,
      outcome,
      decidedOn,
      recordedBy: ctx.identity.sub!,
      decidedBy: outcome === ChallengeOutcome.PENDING ? null : ctx.identity.sub!,
    });
    await tx.flush();
    if (outcome !== ChallengeOutcome.PENDING) await publishDecided(tx, c, d, ch);
    return ch;
  });
}

/**
 * 复议决定 / 裁判结果 The outcome of a PENDING challenge (once: rules/challenge.ts transitionProblem), with its day
 * and summary; publishes DecisionChallengeDecided.
 */
export async function decideDecisionChallenge(
  ctx: Context,
  input: DecideChallengeInputLike,
): Promise<DecisionChallengeEntity> {
  return ctx.em.transactional(async (tx) => {
    const id = requireId('challenge', input.id);
    const found = await tx.findOne(DecisionChallengeEntity, { id });
    if (!found) throw notFound('challenge', input.id);
    const { c, d } = await decidedCase(ctx, tx, found.caseId);
    const decidedOn = requireDate('decidedOn', input.decidedOn);
    const summary = requireText('summary', input.summary, CHALLENGE_TEXT_LIMITS.summary);
    // Under the row lock: two outcomes recorded at once cannot both pass the transition rule.
    await tx.execute(`select id from records.decision_challenge where id = ? for update`, [id]);
    const ch = await tx.findOneOrFail(DecisionChallengeEntity, { id }, { refresh: true });
    const t = transitionProblem(ch.outcome, input.outcome);
    if (t) throw input.outcome === ChallengeOutcome.PENDING ? badInput('outcome', t) : conflict(t);
    assertDates(d, ch.filedOn, input.outcome, decidedOn);
    tx.assign(ch, {
      outcome: input.outcome,
      decidedOn,
      summary,
      decidedBy: ctx.identity.sub!,
      updatedAt: new Date(),
    });
    await tx.flush();
    await publishDecided(tx, c, d, ch);
    return ch;
  });
}

async function publishDecided(
  tx: EntityManager,
  c: CaseEntity,
  d: DecisionEntity,
  ch: DecisionChallengeEntity,
): Promise<void> {
  const payload: DecisionChallengeDecidedPayload = {
    challengeId: ch.id,
    caseId: c.id,
    caseNumber: c.caseNumber,
    agencyId: c.agencyId,
    category: c.category,
    kind: ch.kind,
    body: ch.body,
    reference: ch.reference,
    filedOn: ch.filedOn,
    outcome: ch.outcome as DecisionChallengeDecidedPayload['outcome'],
    decidedOn: ch.decidedOn!,
    overturns: overturns(ch.outcome),
    decisionDecidedOn: d.decidedOn,
  };
  await publishEvent(tx, 'records', {
    type: 'DecisionChallengeDecided',
    agencyId: c.agencyId,
    region: c.region,
    subjectId: c.id,
    payload,
  });
}
