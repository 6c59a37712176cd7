import { type Context, shanghaiDate } from '@tsp/shared';

import type { CredentialEntity, CredentialStatusChangeEntity } from '../entities/index.js';
import { effectiveStatus } from '../rules/credentials.js';
import type { CredentialStatus } from '../rules/kinds.js';
import { load } from './loaders.js';

/** 当前状态 The status today in Asia/Shanghai (EXPIRED once past expiry). */
export function credentialStatusToday(c: CredentialEntity): CredentialStatus {
  return effectiveStatus(c, shanghaiDate());
}

/** 状态变更记录 The credential's status history, oldest first. */
export function credentialHistory(ctx: Context, c: CredentialEntity): Promise<CredentialStatusChangeEntity[]> {
  return load.credentialHistory(ctx).load(c.id);
}
