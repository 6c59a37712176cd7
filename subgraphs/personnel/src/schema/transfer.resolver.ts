import { byId, type Context, Idempotent } from '@tsp/shared';
import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root, UseMiddleware } from 'type-graphql';

import { OfficerEntity } from '../entities/index.js';
import { agencyOrThrow } from '../read/access.js';
import { officerAssignments } from '../read/assignments.js';
import type { Assignment } from '../rules/transfer.js';
import { transferOfficer } from '../write/transfer-officer.js';
import { OfficerAssignment, TransferOfficerInput } from './transfer.types.js';
import { Agency, Officer } from './types.js';

@Resolver(() => Officer)
export class TransferResolver {
  @FieldResolver(() => [OfficerAssignment], {
    description: '任职经历 Assignment history, oldest first: each agency, from, to (调动记录)',
  })
  async assignments(@Root() o: OfficerEntity, @Ctx() ctx: Context): Promise<(Assignment & { current: boolean })[]> {
    return officerAssignments(ctx, o);
  }

  @UseMiddleware(Idempotent('personnel', byId(OfficerEntity)))
  @Mutation(() => Officer, {
    description:
      "人员调动 Move an officer to another agency (ADMIN; the SUPERVISOR 司法局 between agencies of its region). At once: the officer belongs to the new agency, the old agency's credentials are revoked (调离注销, with the reason in their history), so the public list and verifyCredential show it and the officer can no longer act on the old agency's cases; a credential for the new agency is issued separately (issueCredential).",
  })
  async transferOfficer(
    @Ctx() ctx: Context,
    @Arg('input', { description: '调动 The transfer' }) input: TransferOfficerInput,
  ): Promise<OfficerEntity> {
    return transferOfficer(ctx, input);
  }
}

@Resolver(() => OfficerAssignment)
export class AssignmentResolver {
  @FieldResolver(() => Agency, { description: '任职机关 Agency' })
  agency(@Root() a: Assignment, @Ctx() ctx: Context) {
    return agencyOrThrow(ctx, a.agencyId);
  }
}
