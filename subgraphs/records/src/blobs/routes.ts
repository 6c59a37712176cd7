import { pipeline } from 'node:stream/promises';
import type { Express, Request, Response } from 'express';
import { AGENCY_ROLES, Role, errorBody, isAppError, logger, requireInternalSecret, type Identify, type Identity } from '@tsp/shared';
import { BlobHashMismatch, BlobTooLarge, SHA256_RE, type BlobStore } from './store.js';

export interface BlobRouteOptions {
  store: BlobStore;
  maxBytes: number;
  /** The subgraph's check of the bearer header, the same as for /graphql (token, and the officer's current agency). */
  identify: Identify;
  /** Whether this caller may read this blob (some case they may read references it). */
  mayRead(identity: Identity, sha256: string): Promise<boolean>;
}

// A store failure (disk, or the S3 service's own error code) is logged: the client only sees a 500.
const log = logger('records:blobs');

async function caller(identify: Identify, req: Request, res: Response): Promise<Identity | null> {
  try {
    const id = await identify(req.header('authorization'));
    if (!id.role) {
      res.status(401).json(errorBody('UNAUTHENTICATED', 'a bearer token is required'));
      return null;
    }
    return id;
  } catch (e) {
    if (isAppError(e) && e.code === 'DEPENDENCY_UNAVAILABLE') res.status(503).json(errorBody(e.code, e.message));
    else res.status(401).json(errorBody('UNAUTHENTICATED', isAppError(e) ? e.message : 'invalid token'));
    return null;
  }
}

/**
 * PUT /blobs/:sha256 streams an attachment in (agency staff only), GET streams it out after
 * checking its hash. Reached through the gateway, which verifies the token first.
 */
export function blobRoutes(app: Express, o: BlobRouteOptions): void {
  app.put('/blobs/:sha256', requireInternalSecret, async (req, res) => {
    const sha = String(req.params.sha256);
    if (!SHA256_RE.test(sha)) return void res.status(400).json(errorBody('BAD_USER_INPUT', 'sha256: must be 64 lowercase hex characters'));
    const id = await caller(o.identify, req, res);
    if (!id) return;
    if (!AGENCY_ROLES.includes(id.role as Role)) return void res.status(403).json(errorBody('FORBIDDEN', 'only agency staff upload evidence / 仅执法机关人员可上传'));
    const declared = Number(req.header('content-length') ?? NaN);
    if (declared > o.maxBytes) return void res.status(413).json(errorBody('BAD_USER_INPUT', `attachment larger than ${o.maxBytes} bytes`));
    try {
      const r = await o.store.put(sha, req, o.maxBytes);
      res.status(r.created ? 201 : 200).json({ sha256: sha, size: r.size });
    } catch (e) {
      if (e instanceof BlobTooLarge) return void res.status(413).json(errorBody('BAD_USER_INPUT', `attachment larger than ${o.maxBytes} bytes`));
      if (e instanceof BlobHashMismatch) return void res.status(400).json(errorBody('BAD_USER_INPUT', `sha256: ${e.message}`));
      log.error({ err: e, sha256: sha }, 'attachment store failed on put');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'could not store the attachment'));
    }
  });

  app.get('/blobs/:sha256', requireInternalSecret, async (req, res) => {
    const sha = String(req.params.sha256);
    if (!SHA256_RE.test(sha)) return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
    const id = await caller(o.identify, req, res);
    if (!id) return;
    if (!(await o.mayRead(id, sha))) return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
    try {
      const body = await o.store.get(sha);
      if (!body) return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('x-content-sha256', sha);
      // pipeline, not pipe: a reader who hangs up closes the store's file (S3 staging files are freed only then).
      pipeline(body, res).catch((err: Error) => log.debug({ err: err.message, sha256: sha }, 'attachment download ended early'));
    } catch (e) {
      if (e instanceof BlobHashMismatch)
        return void res.status(409).json(errorBody('CONFLICT', `stored attachment fails its hash check (${e.actual}); it was altered / 附件已被篡改`));
      log.error({ err: e, sha256: sha }, 'attachment store failed on get');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'could not read the attachment'));
    }
  });
}
