import { useEffect, useRef } from 'react';

import { oidcSettings, userManager } from './oidc';

/** The provider sends the browser back here with the code; it is exchanged (with the PKCE verifier) for tokens. */
export function Callback({ onToken, onError }: { onToken: (token: string) => void; onError: (m: string) => void }) {
  const done = useRef(false);
  useEffect(() => {
    // StrictMode runs effects twice; a code can be exchanged only once.
    if (done.current) return;
    done.current = true;
    void (async () => {
      const s = await oidcSettings();
      if (!s) return onError('未配置统一身份认证。');
      const user = await (await userManager(s)).signinRedirectCallback();
      onToken(user.access_token);
    })().catch((e: unknown) => onError(`登录未完成：${e instanceof Error ? e.message : String(e)}`));
  }, [onToken, onError]);
  return (
    <p role="status" className="muted">
      正在完成登录…
    </p>
  );
}
