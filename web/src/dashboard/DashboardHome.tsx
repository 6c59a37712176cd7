import { Layout } from '../ui/Layout';
import { DASHBOARD_NAV } from './routes';

/** 监督看板 The bureau's view of its region. */
export function DashboardHome() {
  return (
    <Layout title="行政执法监督" nav={DASHBOARD_NAV}>
      <h1>行政执法监督看板</h1>
    </Layout>
  );
}
