import http from 'node:http';

import {
  errorBody,
  identityFromHeader,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  isAppError,
  subgraphTimeoutMs,
} from '@tsp/shared';
import type { Request, Response } from 'express';

import { UPSTREAM_IDLE_MS } from './upstream.js';

/** Answers without reading the request body, closing the connection so an unread upload cannot keep it open. */
function refuseUnread(res: Response, status: number, body: unknown): void {
  res.setHeader('connection', 'close');
  res.status(status).json(body);
}

/** The subgraph's answer headers passed on to the client. */
const ANSWER_HEADERS = ['content-type', 'content-length', 'cache-control', 'content-disposition', 'x-content-sha256'];

/**
 * The routes' own connections to the subgraphs: a slow download must not hold one of the GraphQL client's sockets
 * (upstream.ts, a bounded pool per subgraph). Idle ones are dropped before the subgraph would close them, as there:
 * Node's global agent dropped them at 5 s, when the subgraphs do, so a request could meet a closing connection.
 */
export const proxyAgent = new http.Agent({ keepAlive: true, scheduling: 'lifo', timeout: UPSTREAM_IDLE_MS });

/**
 * Streams a non-GraphQL route (attachments, flowcharts, statistics exports) to the subgraph that serves it, adding
 * the internal secret. With `requireUser`, the gateway checks the token first; the subgraph
 * authorizes again.
 */
export function proxyTo(subgraphGraphqlUrl: string, opts: { requireUser: boolean }) {
  const base = new URL(subgraphGraphqlUrl.replace(/\/graphql$/, ''));
  return async (req: Request, res: Response) => {
    try {
      const id = await identityFromHeader(req.header('authorization'));
      if (opts.requireUser && !id.role)
        return void refuseUnread(res, 401, errorBody('UNAUTHENTICATED', 'a bearer token is required'));
    } catch (e) {
      return void refuseUnread(res, 401, errorBody('UNAUTHENTICATED', isAppError(e) ? e.message : 'invalid token'));
    }
    const headers: http.OutgoingHttpHeaders = { [INTERNAL_SECRET_HEADER]: internalSecret() };
    for (const h of ['authorization', 'content-length', 'content-type']) if (req.header(h)) headers[h] = req.header(h);
    const bodyless = req.method === 'GET' || req.method === 'HEAD';
    let timer: NodeJS.Timeout | undefined;
    let upstream: http.ClientRequest;
    // A client that goes away (an abandoned download or upload) must not keep the subgraph's socket open.
    res.on('close', () => {
      clearTimeout(timer);
      if (!res.writableFinished) upstream.destroy();
    });
    const send = (retry: boolean): void => {
      let timedOut = false;
      upstream = http.request(
        {
          hostname: base.hostname,
          port: base.port,
          path: req.originalUrl,
          method: req.method,
          headers,
          agent: proxyAgent,
        },
        (up) => {
          clearTimeout(timer);
          // The subgraph answered before reading the whole upload (a refusal): stop sending it, and close the
          // connection after the answer, or the client's upload and its socket hang on forever.
          if (!bodyless && !req.complete) {
            req.unpipe(upstream);
            res.setHeader('connection', 'close');
          }
          res.status(up.statusCode ?? 502);
          for (const h of ANSWER_HEADERS) if (up.headers[h]) res.setHeader(h, up.headers[h]!);
          up.pipe(res);
        },
      );
      // The subgraph's answer is due SUBGRAPH_TIMEOUT_MS after the request (an upload: all of it) reached it.
      upstream.on('finish', () => {
        timer = setTimeout(() => ((timedOut = true), upstream.destroy()), subgraphTimeoutMs());
      });
      const sent = upstream;
      sent.on('error', (err: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        if (res.headersSent || res.destroyed) return void res.destroy();
        // A kept-alive connection the subgraph closed just as it was reused (its keep-alive timer starts when it has
        // written the answer, which a slow download's reader takes long to read): once more on a new one, for a
        // request without a body (Node's advice for reusedSocket).
        if (retry && bodyless && sent.reusedSocket && err.code === 'ECONNRESET') return send(false);
        if (timedOut) res.status(504).json(errorBody('DEPENDENCY_UNAVAILABLE', 'the subgraph did not answer in time'));
        else res.status(502).json(errorBody('DEPENDENCY_UNAVAILABLE', 'the subgraph did not answer'));
      });
      if (bodyless) upstream.end();
      else req.pipe(upstream);
    };
    send(true);
  };
}
