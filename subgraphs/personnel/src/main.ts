import 'reflect-metadata';

import type { SubgraphService } from '@tsp/shared';

import { entities } from './entities/index.js';
import { migrations } from './migrations/index.js';
import { officerAgenciesFromTable } from './read/current-agency.js';
import { schema } from './schema/index.js';

/** 人员 Personnel subgraph: agencies, officers, credentials, training. */
export const personnel: SubgraphService = {
  name: 'personnel',
  schema,
  db: { schema: 'personnel', entities, migrations },
  officerAgencies: officerAgenciesFromTable,
};
