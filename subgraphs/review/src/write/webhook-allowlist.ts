import { badInput, type Context, requireRole, Role } from '@tsp/shared';

import { normalizeAllowedHost } from '../webhooks/address.js';
import { allowHost, disallowHost } from '../webhooks/store.js';

function hostArg(raw: string): string {
  const h = normalizeAllowedHost(raw);
  if (typeof h !== 'string') throw badInput('host', h.problem);
  return h;
}

/** 允许回调主机 Adds a host (any port) or host:port to the allowlist (ADMIN); adding it again changes nothing. */
export async function allowWebhookHost(ctx: Context, host: string) {
  requireRole(ctx.identity, Role.ADMIN);
  return allowHost(ctx.em, hostArg(host), ctx.identity.sub);
}

/** 移出回调白名单 Removes a host (ADMIN); true if it was listed. */
export async function disallowWebhookHost(ctx: Context, host: string) {
  requireRole(ctx.identity, Role.ADMIN);
  return disallowHost(ctx.em, hostArg(host));
}
