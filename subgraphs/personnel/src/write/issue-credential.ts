import { LockMode } from '@mikro-orm/core';
import {
  badInput,
  conflict,
  type Context,
  type EnforcementCategory,
  notFound,
  requireId,
  requireNonEmpty,
  requireRole,
  requireText,
  Role,
} from '@tsp/shared';

import { AgencyEntity, CredentialEntity, CredentialStatusChangeEntity, OfficerEntity } from '../entities/index.js';
import { publishCredentialIssued } from '../events/credential-events.js';
import { credentialNumberProblem, credentialValidityProblem } from '../rules/credentials.js';
import { CredentialStatus } from '../rules/kinds.js';

export interface IssueCredentialInputLike {
  officerId: string;
  number: string;
  categories: EnforcementCategory[];
  fields: string[];
  region: string;
  issuedOn: string;
  expiresOn: string;
  issuingAuthority: string;
}

/**
 * 发放执法证件 Issues a credential for the officer's current agency (ADMIN); its history begins with 发证, and
 * CredentialIssued is published in the same transaction.
 */
export async function issueCredential(ctx: Context, input: IssueCredentialInputLike): Promise<CredentialEntity> {
  requireRole(ctx.identity, Role.ADMIN);
  const actor = ctx.identity.sub;
  const officer = await ctx.em.findOne(OfficerEntity, { id: requireId('officer', input.officerId) });
  if (!officer) throw notFound('officer', input.officerId);
  const number = requireText('number', input.number, 32);
  const numberProblem = credentialNumberProblem(number);
  if (numberProblem) throw badInput('number', numberProblem);
  if (input.fields.length > 20) throw badInput('fields', 'at most 20 fields');
  const validityProblem = credentialValidityProblem(input.issuedOn, input.expiresOn);
  if (validityProblem) throw badInput('expiresOn', validityProblem);
  if (await ctx.em.count(CredentialEntity, { number }))
    throw conflict(`credential number ${number} already exists / 证号已存在`);
  const categories = requireNonEmpty('categories', input.categories, 6);
  const fields = input.fields.map((f, i) => requireText(`fields[${i}]`, f, 50));
  const region = requireText('region', input.region, 100);
  const issuingAuthority = requireText('issuingAuthority', input.issuingAuthority, 100);
  return ctx.em.transactional(async (em) => {
    // The officer's agency as it stands under the officer's lock: a transfer (which takes the same lock) cannot move
    // them between this read and the insert, so the credential never names the agency they just left.
    const current = await em.findOneOrFail(
      OfficerEntity,
      { id: officer.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    const c = em.create(CredentialEntity, {
      number,
      officerId: current.id,
      agencyId: current.agencyId,
      categories,
      fields,
      region,
      issuedOn: input.issuedOn,
      expiresOn: input.expiresOn,
      status: CredentialStatus.VALID,
      issuingAuthority,
    });
    // Plain uuid columns give the ORM no insert order: the credential must exist before its history row.
    await em.flush();
    em.create(CredentialStatusChangeEntity, {
      credentialId: c.id,
      fromStatus: null,
      toStatus: CredentialStatus.VALID,
      reason: '发证 issued',
      actor,
    });
    const agency = await em.findOneOrFail(AgencyEntity, { id: c.agencyId });
    await publishCredentialIssued(em, c, { name: current.name, agency });
    return c;
  });
}
