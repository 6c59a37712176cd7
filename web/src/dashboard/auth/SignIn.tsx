import { useEffect, useState } from 'react';

import { Layout } from '../../ui/Layout';
import { DASHBOARD_NAV } from '../routes';
import { type OidcSettings, oidcSettings, userManager } from './oidc';

/**
 * 登录 The provider's login when the gateway names one (production), and the pasted development token
 * (`npm run token -- --role SUPERVISOR --region 宁晋县`) otherwise.
 */
export function SignIn({ message, onToken }: { message: string | null; onToken: (token: string) => void }) {
  const [oidc, setOidc] = useState<OidcSettings | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void oidcSettings().then(setOidc);
  }, []);
  const shown = error ?? message;
  return (
    <Layout title="行政执法监督" nav={DASHBOARD_NAV}>
      <h1>登录监督看板</h1>
      {shown && (
        <p role="alert" className="error">
          {shown}
        </p>
      )}
      {oidc === undefined ? (
        <p role="status" className="muted">
          加载中…
        </p>
      ) : oidc ? (
        <section aria-labelledby="oidc-title" className="dash-signin">
          <h2 id="oidc-title">统一身份认证</h2>
          <p>使用司法局工作人员账号登录。</p>
          <button
            type="button"
            onClick={() =>
              void userManager(oidc)
                .then((m) => m.signinRedirect())
                .catch((e: unknown) => setError(`无法连接身份认证服务：${e instanceof Error ? e.message : String(e)}`))
            }
          >
            统一身份认证登录
          </button>
        </section>
      ) : (
        <section aria-labelledby="token-title" className="dash-signin">
          <h2 id="token-title">开发环境令牌</h2>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get('token');
              if (typeof value === 'string' && value.trim()) onToken(value.trim());
            }}
          >
            <label htmlFor="token">访问令牌</label>
            <input
              id="token"
              name="token"
              type="password"
              required
              autoComplete="off"
              spellCheck={false}
              aria-describedby="token-help"
            />
            <button type="submit">登录</button>
          </form>
          <p id="token-help" className="muted">
            由 <code>npm run token -- --role SUPERVISOR --region 宁晋县</code> 生成；仅保存在本标签页，关闭即失效。
          </p>
        </section>
      )}
    </Layout>
  );
}
