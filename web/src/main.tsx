import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { dashboardRoutes } from './dashboard/routes';
import { portalRoutes } from './portal/routes';
import { NotFound } from './ui/NotFound';

const router = createBrowserRouter([
  { path: '/', children: portalRoutes },
  { path: '/supervision', children: dashboardRoutes },
  { path: '*', element: <NotFound /> },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <RouterProvider router={router} />
  </StrictMode>,
);
