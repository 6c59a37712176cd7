import { type Context, requireId, shanghaiDate } from '@tsp/shared';

import { AgencyEntity, CredentialEntity, OfficerEntity } from '../entities/index.js';
import { credentialValidOn, effectiveStatus } from '../rules/credentials.js';
import { CredentialStatus } from '../rules/kinds.js';
import { agencyOrThrow } from './access.js';

/** 行政执法人员清单条目 Exactly the published fields of one valid credential. */
export interface PublicOfficerRow {
  name: string;
  unit: string;
  position: string;
  credentialNumber: string;
  categories: CredentialEntity['categories'];
  region: string;
}

/** 证件核验结果 What anyone may learn of a credential number. */
export interface CredentialVerificationRow {
  number: string;
  valid: boolean;
  status: CredentialStatus | null;
  holderName: string | null;
  agencyName: string | null;
  categories: CredentialEntity['categories'] | null;
  region: string | null;
  expiresOn: string | null;
}

/** 行政执法人员清单 The public list: one row per credential of the agency valid today. */
export async function publicOfficers(ctx: Context, agencyId: string): Promise<PublicOfficerRow[]> {
  const agency = await agencyOrThrow(ctx, requireId('agency', agencyId));
  const today = shanghaiDate();
  // The query form of credentialValidOn: VALID, issued by today, not past expiry.
  const creds = await ctx.em.find(
    CredentialEntity,
    { agencyId: agency.id, status: CredentialStatus.VALID, expiresOn: { $gte: today }, issuedOn: { $lte: today } },
    { orderBy: { number: 'asc' } },
  );
  const officers = new Map(
    (await ctx.em.find(OfficerEntity, { id: { $in: creds.map((c) => c.officerId) } })).map((o) => [o.id, o]),
  );
  return creds.map((c) => {
    const o = officers.get(c.officerId)!;
    return {
      name: o.name,
      unit: agency.name,
      position: o.position,
      credentialNumber: c.number,
      categories: c.categories,
      region: c.region,
    };
  });
}

/** 证件核验 Checks a credential number for anyone; unknown numbers answer valid: false. */
export async function verifyCredential(ctx: Context, number: string): Promise<CredentialVerificationRow> {
  const unknown = {
    number: number.slice(0, 40),
    valid: false,
    status: null,
    holderName: null,
    agencyName: null,
    categories: null,
    region: null,
    expiresOn: null,
  };
  if (number.length > 40) return unknown;
  const c = await ctx.em.findOne(CredentialEntity, { number: number.trim() });
  if (!c) return unknown;
  const [o, a] = await Promise.all([
    ctx.em.findOneOrFail(OfficerEntity, { id: c.officerId }),
    ctx.em.findOneOrFail(AgencyEntity, { id: c.agencyId }),
  ]);
  const today = shanghaiDate();
  return {
    number: c.number,
    valid: credentialValidOn(c, today),
    status: effectiveStatus(c, today),
    holderName: o.name,
    agencyName: a.name,
    categories: c.categories,
    region: c.region,
    expiresOn: c.expiresOn,
  };
}
