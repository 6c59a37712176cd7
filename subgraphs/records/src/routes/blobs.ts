import { pipeline } from 'node:stream/promises';

import {
  AGENCY_ROLES,
  canRead,
  errorBody,
  type Identify,
  type Identity,
  isAppError,
  logger,
  type Orm,
  requireInternalSecret,
  Role,
} from '@tsp/shared';
import type { Express, Request, Response } from 'express';

import type { BlobLimits } from '../blobs/from-env.js';
import { BlobHashMismatch, type BlobStore, BlobTooLarge, SHA256_RE } from '../blobs/store.js';
import { deleteBytesIfUnneeded } from '../blobs/sweeper.js';
import {
  citingCasesOfHolders,
  lockAgencyUploads,
  lockBlobBytes,
  recordUpload,
  uploadQuotaState,
} from '../blobs/uploads.js';
import { evaluationGrants } from '../clients/supervision.js';
import { normalizeMediaType, uploadQuotaProblem } from '../rules/attachments.js';

export interface BlobRouteOptions {
  store: BlobStore;
  limits: Pick<BlobLimits, 'maxBytes' | 'agencyQuotaBytes'>;
  /** The subgraph's check of the bearer header, the same as for /graphql (token, and the officer's current agency). */
  identify: Identify;
  orm: Orm;
}

// A store failure (disk, or the S3 service's own error code) is logged: the client only sees a 500.
const log = logger('records:blobs');

/** An evaluator of another agency reads the attachments of the case files assigned to them (案卷评查). */
async function evaluatesOneOf(id: Identity, cases: readonly { id: string }[]): Promise<boolean> {
  if (!cases.length) return false;
  const grants = await evaluationGrants(id);
  return cases.some((c) => grants.has(c.id));
}

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

/** 413 with the quota's numbers, so a client can tell it from the size limit and show what is pending. */
function quotaExceeded(res: Response, why: string, quotaBytes: number, pendingBytes: number): void {
  const body = errorBody('BAD_USER_INPUT', why);
  Object.assign(body.errors[0].extensions, { reason: 'UPLOAD_QUOTA_EXCEEDED', quotaBytes, pendingBytes });
  res.status(413).json(body);
}

/**
 * PUT /blobs/:sha256 streams an attachment in (agency staff, within the agency's quota of uncited
 * uploads) and records that the agency holds it, with the size measured and the Content-Type given;
 * GET streams it out, after checking its hash, to whoever may read a case of a holding agency that
 * cites it. Reached through the gateway, which verifies the token first.
 */
export function blobRoutes(app: Express, o: BlobRouteOptions): void {
  const { maxBytes, agencyQuotaBytes } = o.limits;
  const tooLarge = errorBody('BAD_USER_INPUT', `attachment larger than ${maxBytes} bytes`);

  app.put('/blobs/:sha256', requireInternalSecret, async (req, res) => {
    const sha = String(req.params.sha256);
    if (!SHA256_RE.test(sha))
      return void res.status(400).json(errorBody('BAD_USER_INPUT', 'sha256: must be 64 lowercase hex characters'));
    const id = await caller(o.identify, req, res);
    if (!id) return;
    if (!AGENCY_ROLES.includes(id.role as Role) || !id.agencyId)
      return void res
        .status(403)
        .json(errorBody('FORBIDDEN', 'only agency staff upload evidence / 仅执法机关人员可上传'));
    const agencyId = id.agencyId;
    const mediaType = normalizeMediaType(req.header('content-type'));
    const declared = Number(req.header('content-length') ?? NaN);
    // A chunked upload would be measured against the quota only once stored: several at once could
    // fill the disk first. A declared length lets the quota refuse before a byte is read.
    if (!Number.isSafeInteger(declared) || declared < 0)
      return void res.status(411).json(errorBody('BAD_USER_INPUT', 'Content-Length is required / 上传须声明长度'));
    if (declared > maxBytes) return void res.status(413).json(tooLarge);
    try {
      // Refused before a byte is read when the declared length is over; checked again once measured.
      const before = await uploadQuotaState(o.orm.em.fork(), agencyId, sha);
      const over = uploadQuotaProblem(before.pendingBytes, before.alreadyCited ? 0 : declared, agencyQuotaBytes);
      if (over) return quotaExceeded(res, over, agencyQuotaBytes, before.pendingBytes);
      const r = await o.store.put(sha, req, maxBytes);
      const outcome = await o.orm.em.fork().transactional(async (tx) => {
        await lockAgencyUploads(tx, agencyId);
        await lockBlobBytes(tx, sha);
        const now = await uploadQuotaState(tx, agencyId, sha);
        const over = uploadQuotaProblem(now.pendingBytes, now.alreadyCited ? 0 : r.size, agencyQuotaBytes);
        if (over) return { kind: 'over' as const, why: over, pendingBytes: now.pendingBytes };
        // The sweeper may have removed these very bytes (an expired copy) between put and this lock.
        if (!(await o.store.has(sha))) return { kind: 'vanished' as const };
        await recordUpload(tx, { sha256: sha, agencyId, size: r.size, mediaType, uploadedBy: id.sub ?? '' });
        return { kind: 'stored' as const };
      });
      if (outcome.kind === 'over') {
        await deleteBytesIfUnneeded(o.orm.em, o.store, sha);
        return quotaExceeded(res, outcome.why, agencyQuotaBytes, outcome.pendingBytes);
      }
      if (outcome.kind === 'vanished')
        return void res
          .status(409)
          .json(
            errorBody(
              'CONFLICT',
              'an expired copy of this file was being deleted meanwhile: upload it again / 请重新上传',
            ),
          );
      res.status(r.created ? 201 : 200).json({ sha256: sha, size: r.size, mediaType });
    } catch (e) {
      if (e instanceof BlobTooLarge) return void res.status(413).json(tooLarge);
      if (e instanceof BlobHashMismatch)
        return void res.status(400).json(errorBody('BAD_USER_INPUT', `sha256: ${e.message}`));
      log.error({ err: e, sha256: sha }, 'attachment store failed on put');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'could not store the attachment'));
    }
  });

  app.get('/blobs/:sha256', requireInternalSecret, async (req, res) => {
    const sha = String(req.params.sha256);
    if (!SHA256_RE.test(sha)) return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
    const id = await caller(o.identify, req, res);
    if (!id) return;
    try {
      // Same answer whether the file is absent or not the caller's to read: a hash reveals nothing.
      const cases = await citingCasesOfHolders(o.orm.em.fork(), sha);
      if (!cases.some((c) => canRead(id, c)) && !(await evaluatesOneOf(id, cases)))
        return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
      const body = await o.store.get(sha);
      if (!body) return void res.status(404).json(errorBody('NOT_FOUND', 'no such attachment'));
      res.setHeader('content-type', 'application/octet-stream');
      res.setHeader('x-content-sha256', sha);
      // pipeline, not pipe: a reader who hangs up closes the store's file (S3 staging files are freed only then).
      pipeline(body, res).catch((err: Error) =>
        log.debug({ err: err.message, sha256: sha }, 'attachment download ended early'),
      );
    } catch (e) {
      if (e instanceof BlobHashMismatch)
        return void res
          .status(409)
          .json(
            errorBody(
              'CONFLICT',
              `stored attachment fails its hash check (${e.actual}); it was altered / 附件已被篡改`,
            ),
          );
      // An evaluator's grant could not be asked (supervision down): say so, as GraphQL reads do.
      if (isAppError(e) && e.code === 'DEPENDENCY_UNAVAILABLE')
        return void res.status(503).json(errorBody(e.code, e.message));
      log.error({ err: e, sha256: sha }, 'attachment store failed on get');
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'could not read the attachment'));
    }
  });
}
