import { InspectionInit } from './0001_init.js';
import { InspectionIdempotency } from './0002_idempotency.js';

export const migrations = [
  { name: '0001_inspection_init', class: InspectionInit },
  { name: '0002_inspection_idempotency', class: InspectionIdempotency },
];
