import { lazy, Suspense } from 'react';
import type { RouteObject } from 'react-router';

// Its own chunk: ECharts and the sign-in stay out of the portal's bundle.
const DashboardApp = lazy(() => import('./DashboardApp'));

const app = (
  <Suspense
    fallback={
      <p role="status" className="muted">
        加载中…
      </p>
    }
  >
    <DashboardApp />
  </Suspense>
);

/**
 * 监督看板 The justice bureau's dashboard (SUPERVISOR token); its pages are routed inside DashboardApp. A splat
 * does not match /supervision itself, hence the index route.
 */
export const dashboardRoutes: RouteObject[] = [
  { index: true, element: app },
  { path: '*', element: app },
];

export const DASHBOARD_NAV = [
  { to: '/supervision', label: '监督看板' },
  { to: '/supervision/findings', label: '监督发现' },
  { to: '/supervision/notices', label: '整改与统计' },
];
