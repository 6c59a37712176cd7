import { migrate, openOrm } from '@tsp/shared';

import { migrations } from '../../subgraphs/records/src/migrations';
import { sql } from './db';

/** The records schema alone (what migrateAll does for it), so a file does not load the other subgraphs. */
export async function migrateRecords(url: string): Promise<void> {
  const orm = await openOrm({ schema: 'records', clientUrl: url, entities: [], migrations, poolMax: 1 });
  await migrate(orm, 'records').finally(() => orm.close());
}

/** Runs `fn` with records.journal_integrate renamed away, so that every journal integration fails meanwhile. */
export async function withJournalIntegrationBroken<T>(url: string, fn: () => Promise<T>): Promise<T> {
  await sql(url, 'alter function records.journal_integrate(int) rename to journal_integrate_away');
  try {
    return await fn();
  } finally {
    await sql(url, 'alter function records.journal_integrate_away(int) rename to journal_integrate');
  }
}
