import { PersonnelInit } from './0001_init.js';
import { PersonnelSupervision } from './0002_supervision.js';
import { PersonnelOfficerTransfer } from './0003_officer_transfer.js';
import { PersonnelIdempotency } from './0004_idempotency.js';
import { PersonnelIdempotencyRequestHash } from './0005_idempotency_request_hash.js';
import { PersonnelOutbox } from './0006_outbox.js';

export const migrations = [
  { name: '0001_personnel_init', class: PersonnelInit },
  { name: '0002_personnel_supervision', class: PersonnelSupervision },
  { name: '0003_personnel_officer_transfer', class: PersonnelOfficerTransfer },
  { name: '0004_personnel_idempotency', class: PersonnelIdempotency },
  { name: '0005_personnel_idempotency_request_hash', class: PersonnelIdempotencyRequestHash },
  { name: '0006_personnel_outbox', class: PersonnelOutbox },
];
