import { calendarMigrations, migrate, openOrm, type SubgraphName, SUBGRAPHS, type SubgraphService } from '@tsp/shared';

import { loadService } from './services.js';

/** Applies the shared calendar schema and every subgraph's migrations, each in its own schema. */
export async function migrateAll(databaseUrl: string, only: readonly SubgraphName[] = SUBGRAPHS): Promise<void> {
  const targets: SubgraphService['db'][] = [
    { schema: 'calendar', entities: [], migrations: calendarMigrations },
    ...(await Promise.all(only.map(async (n) => (await loadService(n)).db))),
  ];
  for (const t of targets) {
    const orm = await openOrm({
      schema: t.schema,
      clientUrl: databaseUrl,
      entities: t.entities,
      migrations: t.migrations,
      poolMax: 1,
    });
    try {
      await migrate(orm, t.schema, t.renamedMigrations);
    } finally {
      await orm.close();
    }
  }
}
