import { Migration } from '@mikro-orm/migrations';

/**
 * 附件上传 Who holds each attachment. One row per (blob, agency): an
 * agency may cite, and download through its cases, only blobs it uploaded itself, with the size and
 * media type measured at upload; uploads no case of the agency cites expire and count toward its quota.
 *
 * `origin`: UPLOAD (PUT /blobs, size measured), IMPORT (cited by an ADMIN's legacy import, as
 * declared), MIGRATED (cited before this migration, as declared). Only UPLOAD rows expire.
 * Backfill: each hash cited before gets one MIGRATED row, for the agency of the case that cited it
 * first. Later citations by other agencies (the cross-agency hole of item 4) get none, so they
 * stay in the append-only journal but no longer open the file to anyone.
 */
export class RecordsBlobUploads extends Migration {
  async up(): Promise<void> {
    this.addSql(`create table records.blob_upload (
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      agency_id uuid not null,
      size bigint not null check (size >= 0),
      media_type text not null,
      origin text not null check (origin in ('UPLOAD','IMPORT','MIGRATED')),
      uploaded_by text not null,
      uploaded_at timestamptz not null default now(),
      cited_at timestamptz,
      primary key (sha256, agency_id))`);
    // The sweeper and the quota read an agency's uploads; citing and downloading look attachments up by hash.
    const uncited = `where origin = 'UPLOAD' and cited_at is null`;
    this.addSql(`create index blob_upload_uncited_idx on records.blob_upload (uploaded_at) ${uncited}`);
    this.addSql(`create index blob_upload_agency_uncited_idx on records.blob_upload (agency_id) ${uncited}`);
    this.addSql(`create index attachment_sha256_idx on records.attachment (sha256)`);
    this.addSql(`insert into records.blob_upload
        (sha256, agency_id, size, media_type, origin, uploaded_by, uploaded_at, cited_at)
      select distinct on (a.sha256) a.sha256, c.agency_id, a.size, lower(a.media_type), 'MIGRATED', 'migration-0010',
             e.recorded_at, e.recorded_at
        from records.attachment a
        join records.record_entry e on e.id = a.entry_id
        join records.enforcement_case c on c.id = a.case_id
       order by a.sha256, e.recorded_at, e.id`);
    // Rows are deleted when they expire: records_writer may, unlike on the append-only tables.
    this.addSql(`grant select, insert, update, delete on records.blob_upload to records_writer`);
  }
}
