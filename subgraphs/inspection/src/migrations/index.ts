import { InspectionInit } from './0001_init.js';
import { InspectionIdempotency } from './0002_idempotency.js';
import { InspectionInspections } from './0003_inspections.js';

export const migrations = [
  { name: '0001_inspection_init', class: InspectionInit },
  { name: '0002_inspection_idempotency', class: InspectionIdempotency },
  { name: '0003_inspection_inspections', class: InspectionInspections },
];
