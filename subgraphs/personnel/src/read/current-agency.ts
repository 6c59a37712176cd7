import type { OfficerAgencySource, Orm } from '@tsp/shared';

import { OfficerEntity } from '../entities/index.js';

/** Personnel answers the stale-token check from its own table (the other subgraphs ask it over HTTP). */
export const officerAgenciesFromTable =
  (orm: Orm): OfficerAgencySource =>
  async (ids) => {
    const rows = await orm.em.fork().find(OfficerEntity, { id: { $in: ids } }, { fields: ['id', 'agencyId'] });
    return new Map(rows.map((o) => [o.id, o.agencyId]));
  };
