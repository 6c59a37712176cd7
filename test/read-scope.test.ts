import { randomUUID } from 'node:crypto';

import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { canRead, type Identity, openOrm, type Orm, Role, scopeSql, scopeWhere } from '@tsp/shared';

import { createMigratedDatabase } from './kit/db';

// The one translation of the read scope, run against PostgreSQL: for every role, the rows a list query returns
// through scopeWhere (MikroORM) and scopeSql (hand-written SQL) are exactly the rows canRead allows.
const A = randomUUID();
const B = randomUUID();
const C = randomUUID();
const ROWS = [
  { agencyId: A, region: 'R1' },
  { agencyId: B, region: 'R1' },
  { agencyId: C, region: 'R2' },
];

const CALLERS: Record<string, Identity> = {
  public: { role: null },
  officer: { role: Role.OFFICER, sub: 'o', agencyId: A },
  legalReviewer: { role: Role.LEGAL_REVIEWER, sub: 'l', agencyId: B },
  agencyHead: { role: Role.AGENCY_HEAD, sub: 'h', agencyId: C },
  supervisor: { role: Role.SUPERVISOR, sub: 's', region: 'R1' },
  supervisorWithoutRegion: { role: Role.SUPERVISOR, sub: 's' },
  integratorOfAgencies: { role: Role.INTEGRATOR, sub: 'i', agencyIds: [A, C] },
  integratorOfAgencyAndRegion: { role: Role.INTEGRATOR, sub: 'i', agencyId: C, region: 'R1' },
  integratorOfNothing: { role: Role.INTEGRATOR, sub: 'i' },
  admin: { role: Role.ADMIN, sub: 'a' },
  // A claim that is not one agency id names no agency: scopeSql's array literal must not read it as two.
  agencyHeadOfTwoIdsInOneClaim: { role: Role.AGENCY_HEAD, sub: 'h2', agencyId: `${A},${C}` },
  integratorOfTwoIdsInOneClaim: { role: Role.INTEGRATOR, sub: 'i2', agencyIds: [`${A},${C}`] },
  service: { role: null, service: 'review' },
};

/** A table of its own, so the rows carry only what the scope looks at. */
@Entity({ tableName: 'scoped_row' })
class ScopedRow {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  agencyId!: string;

  @Property({ type: 'text' })
  region!: string;
}

let orm: Orm;
const ids: string[] = [];
beforeAll(async () => {
  orm = await openOrm({
    schema: 'personnel',
    clientUrl: await createMigratedDatabase(),
    entities: [ScopedRow],
    migrations: [],
  });
  const em = orm.em.fork();
  await em.execute(
    'create table personnel.scoped_row (id uuid primary key, agency_id uuid not null, region text not null)',
  );
  for (const r of ROWS) ids.push(em.create(ScopedRow, r).id);
  await em.flush();
});
afterAll(() => orm?.close());

const expected = (id: Identity) => ROWS.flatMap((r, i) => (canRead(id, r) ? [ids[i]] : [])).sort();

describe.each(Object.entries(CALLERS))('%s', (_name, identity) => {
  it('scopeWhere finds exactly the rows canRead allows', async () => {
    const rows = await orm.em.fork().find(ScopedRow, scopeWhere(identity));
    expect(rows.map((r) => r.id).sort()).toEqual(expected(identity));
  });

  it('scopeSql selects exactly the rows canRead allows', async () => {
    const c = scopeSql(identity, 'n');
    const rows: { id: string }[] = await orm.em
      .fork()
      .execute(`select n.id from personnel.scoped_row n where ${c.sql}`, c.params);
    expect(rows.map((r) => r.id).sort()).toEqual(expected(identity));
  });
});

it('the callers above cover every role, so a new role cannot skip this test', () => {
  const covered = new Set(Object.values(CALLERS).map((c) => c.role));
  for (const role of Object.values(Role)) expect(covered).toContain(role);
});
