import { type AppError, badInput, type EntityManager, forbidden } from '@tsp/shared';

import { allowlistKeys, internalAddressProblem, parseWebhookUrl, type WebhookTarget } from './address.js';
import { allowPrivateAddresses } from './config.js';
import { isAllowed } from './store.js';

export const MIN_SECRET_LENGTH = 16;
export const MAX_SECRET_LENGTH = 256;
export const MAX_ACTIVE_ENDPOINTS = 10;

export function secretProblem(secret: string): string | null {
  if (secret.length < MIN_SECRET_LENGTH)
    return `must be at least ${MIN_SECRET_LENGTH} characters (got ${secret.length}) / 密钥至少 ${MIN_SECRET_LENGTH} 个字符`;
  if (secret.length > MAX_SECRET_LENGTH) return `must be at most ${MAX_SECRET_LENGTH} characters / 密钥过长`;
  return null;
}

/**
 * Where a webhook may go: an http(s) URL whose host (or host:port) the ADMIN allowed, and which
 * is not, and does not resolve to, an internal address. Checked at registration and again before
 * every delivery (the allowlist may change, DNS may change).
 * WEBHOOK_ALLOW_PRIVATE_ADDRESSES=1 relaxes only the internal-address part, never the allowlist.
 */
export async function checkTarget(em: EntityManager, rawUrl: string): Promise<WebhookTarget | AppError> {
  const parsed = parseWebhookUrl(rawUrl);
  if ('problem' in parsed) return badInput('url', parsed.problem);
  const keys = allowlistKeys(parsed);
  if (!(await isAllowed(em, keys)))
    return forbidden(
      `url: host ${keys[1]} is not on the webhook allowlist; an ADMIN must allowWebhookHost("${keys[0]}") or ("${keys[1]}") first / 该主机不在回调白名单中`,
    );
  if (!allowPrivateAddresses()) {
    const problem = await internalAddressProblem(parsed.hostname);
    if (problem) return badInput('url', `${problem}; webhooks may only reach public addresses`);
  }
  return parsed;
}
