import http from 'node:http';
import type { Request, Response } from 'express';
import { INTERNAL_SECRET_HEADER, errorBody, identityFromHeader, internalSecret, isAppError } from '@tsp/shared';

/**
 * Streams /blobs/:sha256 to and from the records subgraph. The gateway checks the token first
 * and adds the internal secret; records authorizes again and verifies hashes.
 */
export function blobProxy(recordsGraphqlUrl: string) {
  const base = new URL(recordsGraphqlUrl.replace(/\/graphql$/, ''));
  return async (req: Request, res: Response) => {
    try {
      const id = await identityFromHeader(req.header('authorization'));
      if (!id.role) return void res.status(401).json(errorBody('UNAUTHENTICATED', 'a bearer token is required'));
    } catch (e) {
      return void res.status(401).json(errorBody('UNAUTHENTICATED', isAppError(e) ? e.message : 'invalid token'));
    }
    const headers: http.OutgoingHttpHeaders = {
      authorization: req.header('authorization'),
      [INTERNAL_SECRET_HEADER]: internalSecret(),
    };
    for (const h of ['content-length', 'content-type']) if (req.header(h)) headers[h] = req.header(h);
    const upstream = http.request(
      { hostname: base.hostname, port: base.port, path: `/blobs/${encodeURIComponent(req.params.sha256 as string)}`, method: req.method, headers },
      (up) => {
        res.status(up.statusCode ?? 502);
        for (const h of ['content-type', 'content-length', 'x-content-sha256']) if (up.headers[h]) res.setHeader(h, up.headers[h]!);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.status(502).json(errorBody('DEPENDENCY_UNAVAILABLE', 'records did not answer'));
      else res.destroy();
    });
    req.pipe(upstream);
  };
}
