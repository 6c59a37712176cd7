import { badInput, compareDecimal, optionalText, requireText, PartyType } from '@tsp/shared';

export interface PartyInputLike {
  type: PartyType;
  name: string;
  isMinor?: boolean | null;
  idNumber?: string | null;
  phone?: string | null;
  address?: string | null;
}

/** 当事人 Validated party columns. A minor is a natural person by definition. */
export function partyOf(p: PartyInputLike) {
  const isMinor = p.isMinor ?? false;
  if (isMinor && p.type !== PartyType.NATURAL_PERSON) throw badInput('party.isMinor', 'only a natural person can be a minor');
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
