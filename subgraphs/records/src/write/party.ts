import { badInput, compareDecimal, optionalText, type PartyType, requireText } from '@tsp/shared';

import { minorPartyProblem } from '../rules/party.js';

export interface PartyInputLike {
  type: PartyType;
  name: string;
  isMinor?: boolean | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** 当事人 Validated party columns. */
export function partyOf(p: PartyInputLike) {
  const isMinor = p.isMinor ?? false;
  const minor = minorPartyProblem(p.type, isMinor);
  if (minor) throw badInput('party.isMinor', minor);
  return {
    partyType: p.type,
    partyName: requireText('party.name', p.name, 200),
    partyIsMinor: isMinor,
    partyIdNumber: optionalText('party.idNumber', p.idNumber, 40),
    partyPhone: optionalText('party.phone', p.phone, 40),
    partyAddress: optionalText('party.address', p.address, 300),
  };
}

/** Money that cannot be negative, or null. */
export function amountOf(field: string, v: string | null | undefined): string | null {
  if (v == null) return null;
  if (compareDecimal(v, '0') < 0) throw badInput(field, 'cannot be negative');
  return v;
}
