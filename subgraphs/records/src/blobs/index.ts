import type { Express } from 'express';
import { canRead, env, type Identify, type Identity, type Orm } from '@tsp/shared';
import { blobStoreFromEnv } from './from-env.js';
import { blobRoutes } from './routes.js';

export const DEFAULT_BLOB_MAX_BYTES = 2 * 1024 ** 3;

/**
 * Mounts the attachment store on the records subgraph. Anyone on the agency's staff may upload
 * (evidence is uploaded before the entry that cites it); a blob is readable by whoever may read
 * a case that cites it, so an unreferenced hash reveals nothing. The store is the filesystem or an
 * S3-compatible bucket (BLOB_STORE); a missing S3 setting stops the subgraph from starting.
 */
export function mountBlobs(app: Express, orm: Orm, identify: Identify): void {
  const store = blobStoreFromEnv();
  const maxBytes = Number(env('BLOB_MAX_BYTES') ?? DEFAULT_BLOB_MAX_BYTES);
  blobRoutes(app, {
    store,
    maxBytes,
    identify,
    async mayRead(identity: Identity, sha256: string) {
      const rows: { agency_id: string; region: string }[] = await orm.em.fork().execute(
        `select distinct c.agency_id, c.region from records.attachment a join records.enforcement_case c on c.id = a.case_id where a.sha256 = ?`,
        [sha256],
      );
      return rows.some((r) => canRead(identity, { agencyId: r.agency_id, region: r.region }));
    },
  });
}
