import type { EntityManager } from '@mikro-orm/postgresql';

import type { BlobHolding, BlobOrigin } from '../rules/attachments.js';

/**
 * `records.blob_upload` (migration 0010): which agency holds which blob. SQL only; the rules are in
 * rules/attachments.ts. Hashes are checked hex before they get here, so array literals are safe.
 */

const textArray = (items: readonly string[]) => `{${items.join(',')}}`;

/** Advisory lock classes (two-key form, so no clash with the outbox's one-key locks). */
const AGENCY_UPLOADS_LOCK = 0x0b10b001;
const BLOB_BYTES_LOCK = 0x0b10b002;

/** Uploads of one agency take turns for the quota check (transaction-scoped). */
export async function lockAgencyUploads(em: EntityManager, agencyId: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(?, hashtext(?))`, [AGENCY_UPLOADS_LOCK, agencyId]);
}

/** Whoever writes or deletes a blob's bytes holds this (transaction-scoped): an upload never sees its bytes vanish. */
export async function lockBlobBytes(em: EntityManager, sha256: string): Promise<void> {
  await em.execute(`select pg_advisory_xact_lock(?, hashtext(?))`, [BLOB_BYTES_LOCK, sha256]);
}

/**
 * The agency's uncited uploads other than `sha256` (expired ones the sweeper has not reached
 * included: they still take space), and whether the agency already cites `sha256` itself.
 */
export async function uploadQuotaState(
  em: EntityManager,
  agencyId: string,
  sha256: string,
): Promise<{ pendingBytes: number; alreadyCited: boolean }> {
  const [row] = await em.execute<{ n: string; cited: boolean }[]>(
    `select (select coalesce(sum(size), 0) from records.blob_upload
              where agency_id = ? and origin = 'UPLOAD' and cited_at is null and sha256 <> ?) as n,
            exists (select 1 from records.blob_upload
                     where agency_id = ? and sha256 = ? and cited_at is not null) as cited`,
    [agencyId, sha256, agencyId, sha256],
  );
  return { pendingBytes: Number(row.n), alreadyCited: row.cited };
}

/**
 * Records (or renews) the agency's upload: size and media type as measured now, and a fresh
 * expiry clock. A row already cited stays cited.
 */
export async function recordUpload(
  em: EntityManager,
  u: { sha256: string; agencyId: string; size: number; mediaType: string; uploadedBy: string },
): Promise<void> {
  await em.execute(
    `insert into records.blob_upload (sha256, agency_id, size, media_type, origin, uploaded_by, uploaded_at)
     values (?, ?, ?, ?, 'UPLOAD', ?, now())
     on conflict (sha256, agency_id) do update
       set size = excluded.size, media_type = excluded.media_type, origin = 'UPLOAD',
           uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`,
    [u.sha256, u.agencyId, u.size, u.mediaType, u.uploadedBy],
  );
}

/**
 * One statement for every hash a write cites: marks the citing agency's own uploads as cited (the
 * row lock this takes makes the sweeper skip them, and one it already deleted is simply not found),
 * and returns every agency's holding of those hashes. Inside the write's transaction.
 */
export async function citeHoldings(
  em: EntityManager,
  agencyId: string,
  shas: readonly string[],
): Promise<Map<string, BlobHolding[]>> {
  const out = new Map<string, BlobHolding[]>();
  if (!shas.length) return out;
  type Row = { sha256: string; agency_id: string; size: string; media_type: string; origin: BlobOrigin };
  const rows = await em.execute<Row[]>(
    `with cited as (
       update records.blob_upload set cited_at = coalesce(cited_at, now())
        where agency_id = ? and sha256 = any(?::text[]) returning sha256)
     select sha256, agency_id, size, media_type, origin from records.blob_upload where sha256 = any(?::text[])`,
    [agencyId, textArray(shas), textArray(shas)],
  );
  for (const r of rows) {
    const list = out.get(r.sha256) ?? [];
    list.push({ agencyId: r.agency_id, size: Number(r.size), mediaType: r.media_type, origin: r.origin });
    out.set(r.sha256, list);
  }
  return out;
}

/** An ADMIN's legacy import of hashes nobody held: the case's agency holds them, cited, as declared. */
export async function recordImports(
  em: EntityManager,
  agencyId: string,
  actor: string,
  rows: readonly { sha256: string; size: number; mediaType: string }[],
): Promise<void> {
  if (!rows.length) return;
  await em.execute(
    `insert into records.blob_upload (sha256, agency_id, size, media_type, origin, uploaded_by, uploaded_at, cited_at)
     select s, ?::uuid, z, m, 'IMPORT', ?, now(), now() from unnest(?::text[], ?::bigint[], ?::text[]) v(s, z, m)
     on conflict (sha256, agency_id) do nothing`,
    [
      agencyId,
      actor,
      textArray(rows.map((r) => r.sha256)),
      textArray(rows.map((r) => String(r.size))),
      `{${rows.map((r) => `"${r.mediaType.replace(/["\\]/g, '')}"`).join(',')}}`,
    ],
  );
}

/**
 * Where a download may come from: each case (id, agency, region) that cites the hash and whose
 * own agency holds it. A citation of another agency's hash (possible before migration 0010) opens nothing.
 */
export async function citingCasesOfHolders(
  em: EntityManager,
  sha256: string,
): Promise<{ id: string; agencyId: string; region: string }[]> {
  const rows = await em.execute<{ id: string; agency_id: string; region: string }[]>(
    `select distinct c.id, c.agency_id, c.region
       from records.attachment a
       join records.enforcement_case c on c.id = a.case_id
       join records.blob_upload b on b.sha256 = a.sha256 and b.agency_id = c.agency_id
      where a.sha256 = ?`,
    [sha256],
  );
  return rows.map((r) => ({ id: r.id, agencyId: r.agency_id, region: r.region }));
}

/** Whether anything still needs the bytes: a holding, or any citation at all (pre-0010 ones have no holding). */
export async function bytesStillNeeded(em: EntityManager, sha256: string): Promise<boolean> {
  const [row] = await em.execute<{ needed: boolean }[]>(
    `select exists (select 1 from records.blob_upload where sha256 = ?)
         or exists (select 1 from records.attachment where sha256 = ?) as needed`,
    [sha256, sha256],
  );
  return row.needed;
}

/**
 * Deletes up to `limit` uploads uncited since before `cutoff`, skipping rows a write is citing right
 * now (locked), and returns their hashes. One statement; the bytes go separately (see sweeper.ts).
 */
export async function deleteExpiredUploads(
  em: EntityManager,
  cutoff: Date,
  limit: number,
): Promise<{ sha256: string; agencyId: string; size: number }[]> {
  const rows = await em.execute<{ sha256: string; agency_id: string; size: string }[]>(
    `with doomed as (
       select sha256, agency_id from records.blob_upload
        where origin = 'UPLOAD' and cited_at is null and uploaded_at < ?
        order by uploaded_at limit ? for update skip locked)
     delete from records.blob_upload b using doomed d
      where b.sha256 = d.sha256 and b.agency_id = d.agency_id
     returning b.sha256, b.agency_id, b.size`,
    [cutoff, limit],
  );
  return rows.map((r) => ({ sha256: r.sha256, agencyId: r.agency_id, size: Number(r.size) }));
}
