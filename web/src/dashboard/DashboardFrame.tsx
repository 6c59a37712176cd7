import type { ReactNode } from 'react';

import { Layout } from '../ui/Layout';
import { useAuth } from './auth/AuthContext';
import { DASHBOARD_NAV } from './routes';

/** Every signed-in page: the site frame, who is signed in for which region, and the way out. */
export function DashboardFrame({ title, children }: { title: string; children: ReactNode }) {
  const auth = useAuth();
  return (
    <Layout title="行政执法监督" nav={DASHBOARD_NAV}>
      <div className="dash-user">
        <span>
          {auth.region} · 监督人员 {auth.claims.sub ?? ''}
        </span>
        <button type="button" className="dash-secondary" onClick={auth.signOut}>
          退出登录
        </button>
      </div>
      <h1>{title}</h1>
      {children}
    </Layout>
  );
}
