import { SupervisionInit } from './0001_init.js';
import { SupervisionIdempotency } from './0002_idempotency.js';
import { SupervisionOutbox } from './0003_outbox.js';
import { SupervisionEvaluations } from './0004_evaluations.js';
import { SupervisionInstruments } from './0005_instruments.js';

export const migrations = [
  { name: '0001_supervision_init', class: SupervisionInit },
  { name: '0002_supervision_idempotency', class: SupervisionIdempotency },
  { name: '0003_supervision_outbox', class: SupervisionOutbox },
  { name: '0004_supervision_evaluations', class: SupervisionEvaluations },
  { name: '0005_supervision_instruments', class: SupervisionInstruments },
];
