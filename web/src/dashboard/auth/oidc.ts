import type { UserManager } from 'oidc-client-ts';

/** The provider's settings the gateway publishes at GET /web-config.json (gateway/src/web.ts). */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
}

let settings: Promise<OidcSettings | null> | undefined;

/** Read once per page load; a gateway without the route or the settings means: pasted tokens only. */
export function oidcSettings(): Promise<OidcSettings | null> {
  settings ??= fetch('/web-config.json')
    .then((r) => (r.ok ? (r.json() as Promise<{ oidc?: OidcSettings | null }>) : { oidc: null }))
    .then((c): OidcSettings | null => c.oidc ?? null)
    .catch(() => null);
  return settings;
}

export const CALLBACK_PATH = '/supervision/callback';

/** oidc-client-ts is loaded only when a login is configured and used. */
export async function userManager(s: OidcSettings): Promise<UserManager> {
  const { UserManager, WebStorageStateStore } = await import('oidc-client-ts');
  return new UserManager({
    authority: s.issuer,
    client_id: s.clientId,
    scope: s.scope,
    redirect_uri: `${location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${location.origin}/supervision`,
    response_type: 'code',
    // The token lives as long as the tab, like a pasted one.
    userStore: new WebStorageStateStore({ store: sessionStorage }),
    automaticSilentRenew: false,
  });
}
