import {
  type CredentialIssuedPayload,
  CredentialIssuedPayloadSchema,
  type CredentialStatusChangedPayload,
  CredentialStatusChangedPayloadSchema,
  type EntityManager,
  type PersonnelEventType,
  publishEvent,
} from '@tsp/shared';

import type { AgencyEntity, CredentialEntity } from '../entities/index.js';
import type { StoredCredentialStatus } from '../rules/kinds.js';

/** Who and where a credential belongs to, as the public check shows it. */
export interface CredentialHolder {
  /** The holder's name (published in full on the officer list and the check). */
  name: string;
  /** The agency the credential was issued for; its region scopes the event. */
  agency: Pick<AgencyEntity, 'id' | 'name' | 'region'>;
}

/** The credential's public state: what the check shows, never the holder's ID number, phone or officer id. */
function publicState(c: CredentialEntity, holder: CredentialHolder): CredentialIssuedPayload {
  return {
    credentialNumber: c.number,
    holderName: holder.name,
    agencyId: holder.agency.id,
    agencyName: holder.agency.name,
    categories: [...c.categories],
    region: c.region,
    issuedOn: c.issuedOn,
    expiresOn: c.expiresOn,
    status: c.status,
  };
}

function publish(
  em: EntityManager,
  type: PersonnelEventType,
  holder: CredentialHolder,
  c: CredentialEntity,
  payload: Record<string, unknown>,
) {
  // The number is the credential's public key (the check asks by it); its row id is never exposed.
  return publishEvent(em, 'personnel', {
    type,
    agencyId: holder.agency.id,
    region: holder.agency.region,
    subjectId: c.number,
    payload,
  });
}

/** 发证 Publishes CredentialIssued in the transaction that issues the credential. */
export function publishCredentialIssued(em: EntityManager, c: CredentialEntity, holder: CredentialHolder) {
  const payload = CredentialIssuedPayloadSchema.parse(publicState(c, holder));
  return publish(em, 'CredentialIssued', holder, c, payload);
}

/**
 * 暂扣 / 注销 / 恢复 Publishes CredentialStatusChanged in the transaction of the change, once the credential holds
 * its new status; `previousStatus` is the one it had before.
 */
export function publishCredentialStatusChanged(
  em: EntityManager,
  c: CredentialEntity,
  holder: CredentialHolder,
  previousStatus: StoredCredentialStatus,
) {
  const payload: CredentialStatusChangedPayload = CredentialStatusChangedPayloadSchema.parse({
    ...publicState(c, holder),
    previousStatus,
  });
  return publish(em, 'CredentialStatusChanged', holder, c, payload);
}
