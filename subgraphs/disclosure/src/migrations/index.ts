import { DisclosureInit } from './0001_init.js';
import { DisclosureIdempotency } from './0002_idempotency.js';
import { DisclosureIdempotencyRequestHash } from './0003_idempotency_request_hash.js';
import { DisclosureDiscretionBenchmark } from './0004_discretion_benchmark.js';
import { DisclosureOutbox } from './0005_outbox.js';
import { DisclosureSupervisionNotices } from './0006_supervision_notices.js';
import { DisclosurePublicationTextSearch } from './0007_publication_text_search.js';
import { DisclosureFindingsCandidates } from './0008_findings_candidates.js';

export const migrations = [
  { name: '0001_disclosure_init', class: DisclosureInit },
  { name: '0002_disclosure_idempotency', class: DisclosureIdempotency },
  { name: '0003_disclosure_idempotency_request_hash', class: DisclosureIdempotencyRequestHash },
  { name: '0004_disclosure_discretion_benchmark', class: DisclosureDiscretionBenchmark },
  { name: '0005_disclosure_outbox', class: DisclosureOutbox },
  { name: '0006_disclosure_supervision_notices', class: DisclosureSupervisionNotices },
  { name: '0007_disclosure_publication_text_search', class: DisclosurePublicationTextSearch },
  { name: '0008_disclosure_findings_candidates', class: DisclosureFindingsCandidates },
];
