import { Directive, Field, ID, ObjectType } from 'type-graphql';

import { forbidden } from '../errors.js';
import { requireRole } from '../identity/access.js';
import type { Identity } from '../identity/roles.js';
import { Role } from '../identity/roles.js';
import { DateScalar } from './scalars.js';

export interface SummaryKey {
  agencyId: string;
  region: string;
  from: string;
  to: string;
}

/**
 * 机关监督统计 The entity every subgraph extends with its own finding counts
 * (supervisionSummary). Each subgraph calls this once; the key carries the region so
 * each can authorize the supervisor without asking another subgraph.
 */
export function summaryType() {
  @Directive('@key(fields: "agencyId region from to")')
  @ObjectType('AgencySupervisionSummary', {
    description: '机关监督统计 Supervision summary of one agency for a period; each subgraph adds its part',
  })
  class AgencySupervisionSummary implements SummaryKey {
    @Field(() => ID, { description: '机关 Agency id' })
    agencyId!: string;
    @Field({ description: '区域 Region' })
    region!: string;
    @Field(() => DateScalar, { description: '起 From' })
    from!: string;
    @Field(() => DateScalar, { description: '止 To' })
    to!: string;
  }
  return AgencySupervisionSummary;
}

/** Only the supervisor of the region (or ADMIN) reads a summary, in every subgraph. */
export function authorizeSummary(identity: Identity, key: SummaryKey): SummaryKey {
  requireRole(identity, Role.SUPERVISOR, Role.ADMIN);
  if (identity.role === Role.SUPERVISOR && identity.region !== key.region)
    throw forbidden('you supervise another region');
  return key;
}
