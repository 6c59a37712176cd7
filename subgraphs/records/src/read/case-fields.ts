import { type Context, shanghaiDate } from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';
import { isOverdue } from '../rules/deadlines.js';
import { canReadPartyPrivate } from '../rules/party.js';

/** 当事人 The party as the caller may see it: ID number and contact only where canReadPartyPrivate allows. */
export function partyOfCase(ctx: Context, c: CaseEntity) {
  const priv = canReadPartyPrivate(ctx.identity, c);
  return {
    type: c.partyType,
    name: c.partyName,
    isMinor: c.partyIsMinor,
    idNumber: priv ? c.partyIdNumber : null,
    contact: priv ? { phone: c.partyPhone, address: c.partyAddress } : null,
  };
}

/** 超期未决 Past the decision deadline without a decision, today in Asia/Shanghai. */
export function caseOverdue(c: CaseEntity): boolean {
  return isOverdue({ dueOn: c.decisionDueOn, decided: c.decided }, shanghaiDate());
}

/** 送达日期 The Shanghai day the decision was first served; null until served. */
export function caseServedOn(c: CaseEntity): string | null {
  return c.servedAt ? shanghaiDate(c.servedAt) : null;
}
