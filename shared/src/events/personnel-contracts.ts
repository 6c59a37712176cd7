import { z } from 'zod';

import { EnforcementCategory } from '../graphql/enums.js';

/**
 * Event types personnel publishes (outbox, its internal feed, personnelEvents, webhooks): a credential's public
 * state changed. EXPIRED is no event: it follows from `expiresOn`, nothing is written when the day passes.
 */
export const PERSONNEL_EVENT_TYPES = ['CredentialIssued', 'CredentialStatusChanged'] as const;
export type PersonnelEventType = (typeof PERSONNEL_EVENT_TYPES)[number];

/** 证件状态 The statuses personnel stores (EXPIRED follows from the date and is never stored). */
export const STORED_CREDENTIAL_STATUSES = ['VALID', 'SUSPENDED', 'REVOKED'] as const;

/**
 * Payload of `CredentialIssued` (发证): the credential as the public check (证件核验) and the public officer list
 * (行政执法人员清单) show it, nothing more: no officer id, ID number, phone or position history.
 */
export const CredentialIssuedPayloadSchema = z.object({
  credentialNumber: z.string().min(1),
  /** The holder's name as the public check shows it (执法人员姓名 are published in full). */
  holderName: z.string(),
  agencyId: z.string().min(1),
  agencyName: z.string(),
  categories: z.array(z.enum(EnforcementCategory)),
  /** 执法区域 The region the credential covers. */
  region: z.string(),
  issuedOn: z.string(),
  expiresOn: z.string(),
  /** Stored status after the step; a credential past `expiresOn` is expired whatever this says. */
  status: z.enum(STORED_CREDENTIAL_STATUSES),
});
export type CredentialIssuedPayload = z.infer<typeof CredentialIssuedPayloadSchema>;

/**
 * Payload of `CredentialStatusChanged` (动态管理: 暂扣 / 注销 / 恢复, and 调离注销 when the holder is transferred):
 * the credential's public state after the change and the status before. No reason: it is free text kept in the
 * credential's history, which is not public.
 */
export const CredentialStatusChangedPayloadSchema = CredentialIssuedPayloadSchema.extend({
  previousStatus: z.enum(STORED_CREDENTIAL_STATUSES),
});
export type CredentialStatusChangedPayload = z.infer<typeof CredentialStatusChangedPayloadSchema>;
