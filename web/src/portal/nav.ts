import type { NavItem } from '../ui/Layout';

/** The portal's main navigation (the agency pages are reached from the front page). */
export const PORTAL_NAV: NavItem[] = [
  { to: '/', label: '首页' },
  { to: '/decisions', label: '执法决定' },
  { to: '/officers', label: '执法人员' },
  { to: '/verify', label: '证件核验' },
  { to: '/reports', label: '年度数据' },
  { to: '/notices', label: '监督通报' },
];

/** The region shown first (the demo county); the front page's form chooses another. */
export const DEFAULT_REGION = '宁晋县';
