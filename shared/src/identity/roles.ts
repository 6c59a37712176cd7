import { registerEnumType } from 'type-graphql';

/** Token roles (README § API: Roles). */
export enum Role {
  OFFICER = 'OFFICER',
  LEGAL_REVIEWER = 'LEGAL_REVIEWER',
  AGENCY_HEAD = 'AGENCY_HEAD',
  SUPERVISOR = 'SUPERVISOR',
  INTEGRATOR = 'INTEGRATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: '令牌角色 Token role' });

export const AGENCY_ROLES: readonly Role[] = [Role.OFFICER, Role.LEGAL_REVIEWER, Role.AGENCY_HEAD];

/** Who is asking. `role: null` is the public (no token). `service` is set for subgraph-to-subgraph calls. */
export interface Identity {
  role: Role | null;
  sub?: string;
  agencyId?: string;
  region?: string;
  /** INTEGRATOR tokens may name several agencies. */
  agencyIds?: string[];
  service?: string;
}
