import type { RouteObject } from 'react-router';

import { PortalHome } from './PortalHome';

/** 公示门户 The public portal's pages (no token). */
export const portalRoutes: RouteObject[] = [{ index: true, element: <PortalHome /> }];

export const PORTAL_NAV = [{ to: '/', label: '首页' }];
