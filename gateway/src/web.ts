import fs from 'node:fs';
import path from 'node:path';

import { config } from '@tsp/shared';
import express, { type Router } from 'express';

/** Where `npm run build -w web` writes the portal and the dashboard (the repository's web/dist). */
export const WEB_DIST = path.resolve(__dirname, '../../web/dist');

/** The app's own paths: each answers index.html and the app routes inside (the portal's pages, the dashboard). */
export const WEB_PAGES = [
  '/',
  '/agencies',
  '/officers',
  '/verify',
  '/decisions',
  '/reports',
  '/notices',
  '/supervision',
];

/**
 * 公示门户与监督看板 The web app, served from web/dist by the gateway on its own origin, so the pages call /graphql
 * with no CORS and work offline (no CDN). Hashed assets are cached for a year; index.html never, so a new build
 * shows at once. Without a build the pages say how to make one (the API is unaffected).
 */
export function webRouter(dist = WEB_DIST): Router {
  const r = express.Router();
  r.get('/web-config.json', (_req, res) => void res.setHeader('cache-control', 'no-cache').json(webConfig()));
  r.use('/assets', express.static(path.join(dist, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
  const index = path.join(dist, 'index.html');
  const pages = WEB_PAGES.flatMap((p) => (p === '/' ? [p] : [p, `${p}/*rest`]));
  r.get(pages, (_req, res) => {
    if (!fs.existsSync(index))
      return void res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('门户尚未构建 The web app is not built: run `npm run build -w web`.\n');
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return r;
}

/** What the page needs at run time and the build cannot know: the supervision dashboard's sign-in provider. */
export interface WebConfig {
  /** OpenID Connect login (authorization code + PKCE); null: the dashboard only takes a pasted token. */
  oidc: { issuer: string; clientId: string; scope: string } | null;
}

/** GET /web-config.json, read at each request so a restart is all a change needs (nothing secret in it). */
export function webConfig(): WebConfig {
  const c = config();
  return {
    oidc:
      c.WEB_OIDC_ISSUER && c.WEB_OIDC_CLIENT_ID
        ? { issuer: c.WEB_OIDC_ISSUER, clientId: c.WEB_OIDC_CLIENT_ID, scope: c.WEB_OIDC_SCOPE }
        : null,
  };
}
