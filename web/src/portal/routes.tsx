import type { RouteObject } from 'react-router';

import { AgencyPage } from './AgencyPage';
import { CredentialResultPage } from './CredentialResultPage';
import { DecisionPage } from './DecisionPage';
import { DecisionsPage } from './DecisionsPage';
import { InspectionCodePage } from './InspectionCodePage';
import { NoticesPage } from './NoticesPage';
import { OfficerCardPage } from './OfficerCardPage';
import { OfficersPage } from './OfficersPage';
import { PortalHome } from './PortalHome';
import { ReportsPage } from './ReportsPage';
import { VerifyPage } from './VerifyPage';

export { PORTAL_NAV } from './nav';

/** 公示门户 The public portal's pages (no token); gateway/src/web.ts serves index.html on each of these prefixes. */
export const portalRoutes: RouteObject[] = [
  { index: true, element: <PortalHome /> },
  { path: 'agencies/:id', element: <AgencyPage /> },
  { path: 'officers', element: <OfficersPage /> },
  { path: 'officers/:number/card', element: <OfficerCardPage /> },
  { path: 'verify', element: <VerifyPage /> },
  { path: 'verify/credential/:number', element: <CredentialResultPage /> },
  { path: 'verify/inspection/:code', element: <InspectionCodePage /> },
  { path: 'decisions', element: <DecisionsPage /> },
  { path: 'decisions/:id', element: <DecisionPage /> },
  { path: 'reports', element: <ReportsPage /> },
  { path: 'notices', element: <NoticesPage /> },
];
