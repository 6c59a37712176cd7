import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';

export interface NavItem {
  to: string;
  label: string;
}

/** The page frame: a skip link, the site header with its navigation, the main region and the footer. */
export function Layout({ title, nav, children }: { title: string; nav: NavItem[]; children: ReactNode }) {
  return (
    <>
      <a className="skip" href="#main">
        跳到正文
      </a>
      <header className="site">
        <Link to={nav[0]?.to ?? '/'} className="brand">
          {title}
        </Link>
        <nav aria-label="主导航">
          <ul>
            {nav.map((n) => (
              <li key={n.to}>
                <NavLink to={n.to} end>
                  {n.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site">
        <p>依据《国务院办公厅关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》公开</p>
      </footer>
    </>
  );
}
