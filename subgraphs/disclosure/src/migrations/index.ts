import { DisclosureInit } from './0001_init.js';
import { DisclosureIdempotency } from './0002_idempotency.js';

export const migrations = [
  { name: '0001_disclosure_init', class: DisclosureInit },
  { name: '0002_disclosure_idempotency', class: DisclosureIdempotency },
];
