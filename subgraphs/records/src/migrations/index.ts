import { RecordsInit } from './0001_init.js';
import { RecordsEntriesAppendOnly } from './0003_entries_append_only.js';

export const migrations = [{ name: '0001_records_init', class: RecordsInit }];
import { RecordsJournal } from './0002_journal.js';
migrations.push({ name: '0002_records_journal', class: RecordsJournal });
// 0003 attaches 0002's refuse_change() trigger to the record tables, so it runs after it.
migrations.push({ name: '0003_records_entries_append_only', class: RecordsEntriesAppendOnly });
import { RecordsIdempotency } from './0004_idempotency.js';
migrations.push({ name: '0004_records_idempotency', class: RecordsIdempotency });
import { RecordsJournalFastAppend } from './0005_journal_fast_append.js';
migrations.push({ name: '0005_records_journal_fast_append', class: RecordsJournalFastAppend });
import { RecordsIdempotencyResult } from './0006_idempotency_result.js';
migrations.push({ name: '0006_records_idempotency_result', class: RecordsIdempotencyResult });
import { RecordsEntriesWithoutAv } from './0007_entries_without_av.js';
migrations.push({ name: '0007_records_entries_without_av', class: RecordsEntriesWithoutAv });
import { RecordsIdempotencyRequestHash } from './0008_idempotency_request_hash.js';
migrations.push({ name: '0008_records_idempotency_request_hash', class: RecordsIdempotencyRequestHash });
import { RecordsService } from './0009_service.js';
migrations.push({ name: '0009_records_service', class: RecordsService });
import { RecordsBlobUploads } from './0010_blob_uploads.js';
migrations.push({ name: '0010_records_blob_uploads', class: RecordsBlobUploads });
import { RecordsOutboxTraceparent } from './0011_outbox_traceparent.js';
migrations.push({ name: '0011_records_outbox_traceparent', class: RecordsOutboxTraceparent });
import { RecordsLicensingDeadlines } from './0012_licensing_deadlines.js';
migrations.push({ name: '0012_records_licensing_deadlines', class: RecordsLicensingDeadlines });
import { RecordsProcedure } from './0013_procedure.js';
migrations.push({ name: '0013_records_procedure', class: RecordsProcedure });
