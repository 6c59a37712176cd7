import type { RouteObject } from 'react-router';

import { DashboardHome } from './DashboardHome';

/** 监督看板 The justice bureau's dashboard (SUPERVISOR token). */
export const dashboardRoutes: RouteObject[] = [{ index: true, element: <DashboardHome /> }];

export const DASHBOARD_NAV = [{ to: '/supervision', label: '监督看板' }];
