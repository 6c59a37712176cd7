/**
 * 行政复议与行政诉讼 What became of a decision the party challenged. Reconsideration (行政复议法, 2023 revision)
 * decides: 变更 §63, 撤销或者部分撤销 §64, 确认违法 (not revoked) §65, 确认无效 §67, 维持 §68, 驳回复议请求 §69;
 * the applicant may withdraw (撤回申请, the reconsideration ends). A court (行政诉讼法) judges: 驳回诉讼请求 §69 (the
 * decision stands: recorded here as UPHELD), 撤销或者部分撤销 §70, 确认违法 §74, 确认无效 §75, 变更 §77 (a penalty
 * plainly improper, or an amount wrongly fixed); a suit may be withdrawn (撤诉 §62) or dismissed by ruling (裁定驳回起诉).
 * Changed, revoked, confirmed unlawful and confirmed void correct the decision (被纠错): 行政处罚法 §48 第二款 then
 * has its publication withdrawn within 3 working days.
 */

export enum ChallengeKind {
  RECONSIDERATION = 'RECONSIDERATION',
  LITIGATION = 'LITIGATION',
}

export enum ChallengeOutcome {
  PENDING = 'PENDING',
  UPHELD = 'UPHELD',
  CHANGED = 'CHANGED',
  REVOKED = 'REVOKED',
  CONFIRMED_UNLAWFUL = 'CONFIRMED_UNLAWFUL',
  CONFIRMED_VOID = 'CONFIRMED_VOID',
  DISMISSED = 'DISMISSED',
  WITHDRAWN = 'WITHDRAWN',
}

const OVERTURNING: ReadonlySet<ChallengeOutcome> = new Set([
  ChallengeOutcome.CHANGED,
  ChallengeOutcome.REVOKED,
  ChallengeOutcome.CONFIRMED_UNLAWFUL,
  ChallengeOutcome.CONFIRMED_VOID,
]);

/** Whether an outcome corrects the decision (变更、撤销、确认违法、确认无效); 维持, 驳回, 撤回 and PENDING do not. */
export function overturns(outcome: ChallengeOutcome): boolean {
  return OVERTURNING.has(outcome);
}

/** The outcomes an overturned decision can have, for SQL filters. */
export const OVERTURNING_OUTCOMES: readonly ChallengeOutcome[] = [...OVERTURNING];

/**
 * A challenge is decided once: PENDING may become any outcome, an outcome is final (a further stage — litigation
 * after reconsideration, an appeal — is a challenge of its own). Returns why not, or null.
 */
export function transitionProblem(from: ChallengeOutcome, to: ChallengeOutcome): string | null {
  if (to === ChallengeOutcome.PENDING) return 'give the outcome decided (PENDING is not one) / 请填写复议或诉讼结果';
  if (from !== ChallengeOutcome.PENDING)
    return `already decided (${from}); record a further stage as a challenge of its own / 已有结果，不得更改`;
  return null;
}

export interface ChallengeDates {
  /** The challenged decision's day. */
  decisionOn: string;
  filedOn: string;
  outcome: ChallengeOutcome;
  /** Day of the outcome; null while PENDING. */
  decidedOn: string | null;
  today: string;
}

/**
 * Dates of a challenge (YYYY-MM-DD): filed on or after the decision it challenges (there is nothing to challenge
 * before it) and not in the future; an outcome has its day, on or after the filing and not in the future; PENDING
 * has none. Returns [field, why] or null.
 */
export function challengeDateProblem(d: ChallengeDates): [string, string] | null {
  if (d.filedOn < d.decisionOn)
    return ['filedOn', `cannot be before the decision of ${d.decisionOn} / 不得早于行政决定作出之日`];
  if (d.filedOn > d.today) return ['filedOn', 'cannot be in the future / 不得晚于今天'];
  if (d.outcome === ChallengeOutcome.PENDING) {
    if (d.decidedOn !== null) return ['decidedOn', 'a PENDING challenge has no decision day / 尚无结果'];
    return null;
  }
  if (d.decidedOn === null) return ['decidedOn', 'give the day the outcome was decided / 请填写结果作出日期'];
  if (d.decidedOn < d.filedOn) return ['decidedOn', `cannot be before the filing on ${d.filedOn} / 不得早于申请日`];
  if (d.decidedOn > d.today) return ['decidedOn', 'cannot be in the future / 不得晚于今天'];
  return null;
}

/** Longest texts kept: the body's name, the reference (案号) and the summary of the outcome. */
export const CHALLENGE_TEXT_LIMITS = { body: 200, reference: 100, summary: 2000 } as const;
