import './portal.css';

import { type ReactNode, useEffect } from 'react';

import { Layout } from '../ui/Layout';
import { PORTAL_NAV } from './nav';

/**
 * A portal page: the shared frame with the portal's navigation, and the document title naming the page (WCAG 2.4.2),
 * so a screen reader announces where a link led.
 */
export function PortalPage({ title, children }: { title: string; children: ReactNode }) {
  useEffect(() => {
    document.title = `${title} - 行政执法公示`;
  }, [title]);
  return (
    // .portal scopes portal.css: the dashboard shares the one stylesheet the build makes.
    <div className="portal">
      <Layout title="行政执法公示" nav={PORTAL_NAV}>
        {children}
      </Layout>
    </div>
  );
}
