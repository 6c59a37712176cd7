import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { requireId, shanghaiDate, type Context } from '@tsp/shared';
import { AgencyEntity, CredentialEntity, OfficerEntity } from '../entities/index.js';
import { CredentialVerification, PublicOfficer } from './types.js';
import { effectiveStatus } from '../rules/credentials.js';
import { CredentialStatus } from '../rules/kinds.js';
import { agencyOrThrow } from './access.js';

@Resolver()
export class PublicResolver {
  @Query(() => [PublicOfficer], {
    description: '行政执法人员清单（公开，网上可查询） Public officer list: one row per valid credential, only the published fields',
  })
  async publicOfficers(@Ctx() ctx: Context, @Arg('agencyId', () => ID, { description: '执法主体 Agency id' }) agencyId: string): Promise<PublicOfficer[]> {
    const agency = await agencyOrThrow(ctx, requireId('agency', agencyId));
    const today = shanghaiDate();
    const creds = await ctx.em.find(
      CredentialEntity,
      { agencyId: agency.id, status: CredentialStatus.VALID, expiresOn: { $gte: today }, issuedOn: { $lte: today } },
      { orderBy: { number: 'asc' } },
    );
    const officers = new Map((await ctx.em.find(OfficerEntity, { id: { $in: creds.map((c) => c.officerId) } })).map((o) => [o.id, o]));
    return creds.map((c) => {
      const o = officers.get(c.officerId)!;
      return { name: o.name, unit: agency.name, position: o.position, credentialNumber: c.number, categories: c.categories, region: c.region };
    });
  }

  @Query(() => CredentialVerification, {
    description: '证件核验（公开，亮证执法） Check a credential number: valid today or not, whose, what it covers. Unknown numbers answer valid: false.',
  })
  async verifyCredential(@Ctx() ctx: Context, @Arg('number', { description: '证号 Credential number' }) number: string): Promise<CredentialVerification> {
    const unknown = { number: number.slice(0, 40), valid: false, status: null, holderName: null, agencyName: null, categories: null, region: null, expiresOn: null };
    if (number.length > 40) return unknown;
    const c = await ctx.em.findOne(CredentialEntity, { number: number.trim() });
    if (!c) return unknown;
    const [o, a] = await Promise.all([ctx.em.findOneOrFail(OfficerEntity, { id: c.officerId }), ctx.em.findOneOrFail(AgencyEntity, { id: c.agencyId })]);
    const today = shanghaiDate();
    const status = effectiveStatus(c, today);
    return {
      // A credential dated in the future is not yet usable, whatever its stored status.
      number: c.number, valid: status === CredentialStatus.VALID && c.issuedOn <= today, status, holderName: o.name, agencyName: a.name,
      categories: c.categories, region: c.region, expiresOn: c.expiresOn,
    };
  }
}
