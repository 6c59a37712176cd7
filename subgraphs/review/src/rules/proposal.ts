import { addCalendarDays, badInput, compareDecimal, PenaltyKind } from '@tsp/shared';

export interface ProposalInput {
  penaltyKinds: readonly PenaltyKind[];
  fineAmount?: string | null;
  confiscationAmount?: string | null;
}

/**
 * A proposed decision is consistent: a fine amount exactly when FINE is proposed, a confiscation
 * amount only with CONFISCATION (goods may be confiscated without a money value), amounts positive.
 */
export function checkProposal(p: ProposalInput): void {
  const positive = (field: string, v: string | null | undefined) => {
    if (v != null && compareDecimal(v, '0') <= 0) throw badInput(field, 'must be more than 0 yuan / 金额应大于0');
  };
  positive('proposedDecision.fineAmount', p.fineAmount);
  positive('proposedDecision.confiscationAmount', p.confiscationAmount);
  const fine = p.penaltyKinds.includes(PenaltyKind.FINE);
  if (fine && p.fineAmount == null)
    throw badInput('proposedDecision.fineAmount', 'a FINE needs its amount / 拟罚款应填写金额');
  if (!fine && p.fineAmount != null)
    throw badInput('proposedDecision.fineAmount', 'an amount is given but FINE is not among penaltyKinds');
  if (!p.penaltyKinds.includes(PenaltyKind.CONFISCATION) && p.confiscationAmount != null)
    throw badInput(
      'proposedDecision.confiscationAmount',
      'an amount is given but CONFISCATION is not among penaltyKinds',
    );
}

/** 送卷日期 The day the file was received: not in the future, and at most 60 days back (late registration of a paper file). */
export const MAX_RECEIVED_BACKDATE_DAYS = 60;
export function checkReceivedOn(receivedOn: string, today: string): void {
  if (receivedOn > today) throw badInput('receivedOn', `cannot be after today (${today}) / 送卷日期不能晚于今天`);
  if (receivedOn < addCalendarDays(today, -MAX_RECEIVED_BACKDATE_DAYS))
    throw badInput('receivedOn', `at most ${MAX_RECEIVED_BACKDATE_DAYS} days back / 送卷日期过早`);
}
