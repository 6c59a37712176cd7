import { migrate, type MigrationRenames, openOrm } from '@tsp/shared';

import { migrations, renamedMigrations } from '../subgraphs/review/src/migrations';
import { createTestDatabase, sql } from './kit/db';

type Listed = (typeof migrations)[number];

/** Review's migrations under the names a database migrated before the renumbering recorded. */
function formerList(renames: MigrationRenames): Listed[] {
  const former = new Map(Object.entries(renames).map(([from, to]) => [to, from]));
  return migrations.map((m) => ({ ...m, name: former.get(m.name) ?? m.name }));
}

async function migrateWith(databaseUrl: string, list: Listed[], renames?: MigrationRenames): Promise<string[]> {
  const orm = await openOrm({ schema: 'review', clientUrl: databaseUrl, entities: [], migrations: list, poolMax: 1 });
  try {
    return await migrate(orm, 'review', renames);
  } finally {
    await orm.close();
  }
}

const recorded = async (databaseUrl: string) =>
  (await sql<{ name: string }>(databaseUrl, `select name from review.mikro_orm_migrations order by id`)).map(
    (r) => r.name,
  );

test("review's migrations are numbered without gaps", () => {
  expect(migrations.length).toBeGreaterThanOrEqual(7);
  expect(migrations.map((m) => m.name.slice(0, 4))).toEqual(migrations.map((_, i) => String(i + 1).padStart(4, '0')));
});

test('a database migrated under the former names re-runs nothing and ends with the new names', async () => {
  const databaseUrl = await createTestDatabase();
  const before = formerList(renamedMigrations);
  expect(before.map((m) => m.name)).toContain('0009_review_webhooks');
  expect(await migrateWith(databaseUrl, before)).toEqual(before.map((m) => m.name));
  await sql(
    databaseUrl,
    `insert into review.webhook_allowed_host (host, added_by) values ('hooks.example.com', 'admin')`,
  );

  // Without the renames the new list would run 0002… again (and fail on the existing tables).
  expect(await migrateWith(databaseUrl, migrations, renamedMigrations)).toEqual([]);
  expect(await recorded(databaseUrl)).toEqual(migrations.map((m) => m.name));
  expect(await sql(databaseUrl, `select host from review.webhook_allowed_host`)).toEqual([
    { host: 'hooks.example.com' },
  ]);

  // Running again renames nothing and migrates nothing.
  expect(await migrateWith(databaseUrl, migrations, renamedMigrations)).toEqual([]);
  expect(await recorded(databaseUrl)).toEqual(migrations.map((m) => m.name));
});

test('on a fresh database the renames are a no-op and every migration runs once under its new name', async () => {
  const databaseUrl = await createTestDatabase();
  expect(await migrateWith(databaseUrl, migrations, renamedMigrations)).toEqual(migrations.map((m) => m.name));
  expect(await recorded(databaseUrl)).toEqual(migrations.map((m) => m.name));
});
