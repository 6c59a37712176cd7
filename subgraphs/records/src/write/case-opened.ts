import { type EntityManager, publishEvent } from '@tsp/shared';

import type { CaseEntity } from '../entities/index.js';

/** Publishes CaseOpened for a new case, in the transaction that creates it (before any of its entries). */
export async function publishCaseOpened(tx: EntityManager, c: CaseEntity, legacy: boolean) {
  return publishEvent(tx, 'records', {
    type: 'CaseOpened',
    agencyId: c.agencyId,
    region: c.region,
    subjectId: c.id,
    payload: {
      caseId: c.id,
      caseNumber: c.caseNumber,
      agencyId: c.agencyId,
      category: c.category,
      cause: c.cause,
      partyType: c.partyType,
      filedAt: c.filedAt.toISOString(),
      decisionDueOn: c.decisionDueOn,
      legacy,
    },
  });
}
