import { AsyncLocalStorage } from 'node:async_hooks';

import type { MigrationObject } from '@mikro-orm/core';
import { DefaultLogger, type LogContext, type LoggerNamespace, type LoggerOptions } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { type EntityManager, MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';

import { config } from '../config.js';
import { logger } from '../logger.js';
import { countSqlStatement } from '../metrics/sql.js';
import { observeWalFlush } from '../metrics/wal-flush.js';
import { dbAcquireTimeoutMs, dbConnectTimeoutMs } from '../resilience/timeouts.js';
import { DedicatedStatement } from './dedicated-statement.js';
import { CONFIRM_COMMITS_SQL, GroupCommitSubscriber, registerAfterCommit } from './group-commit.js';

/**
 * Counts SQL statements: `statements` is everything this process sends; `requestStatements` only
 * what GraphQL requests send (run inside `requestScope`), so background work — event consumers,
 * feed polling, audits — never blurs a per-request count.
 */
export const sqlStats = { statements: 0, requestStatements: 0 };
export const requestScope = new AsyncLocalStorage<true>();
const sqlLog = logger('sql');

function countStatement(schema: string): void {
  sqlStats.statements++;
  if (requestScope.getStore()) sqlStats.requestStatements++;
  countSqlStatement(schema, !!requestScope.getStore());
}

class CountingLogger extends DefaultLogger {
  private readonly verbose = config().LOG_SQL;
  constructor(
    options: LoggerOptions,
    private readonly schema: string,
  ) {
    super(options);
  }
  override logQuery(context: { query: string } & LogContext): void {
    countStatement(this.schema);
    if (this.verbose) super.logQuery(context);
  }
  override isEnabled(namespace: LoggerNamespace, context?: LogContext): boolean {
    return namespace === 'query' ? this.verbose : super.isEnabled(namespace, context);
  }
}

export interface DbOptions {
  /** PostgreSQL schema this service owns. */
  schema: string;
  clientUrl: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  poolMax?: number;
  /**
   * Statements run after the commits that ask for them by name (runAfterCommit), each on a connection of its own. Each
   * must leave the WAL flushed past what was committed before it (a synchronous COMMIT of its own): the commits that
   * ask for one are not flushed otherwise.
   */
  afterCommit?: Readonly<Record<string, string>>;
}

export type Orm = MikroORM;
export type { EntityManager };

/** knex's own warnings (e.g. a pooled connection found broken) through pino instead of console.log. */
const knexLog = (schema: string) => {
  const log = logger(`db:${schema}`);
  return {
    warn: (m: unknown) => log.warn(String(m)),
    error: (m: unknown) => log.error(String(m)),
    deprecate: (m: unknown) => log.debug(String(m)),
    debug: () => undefined,
  };
};

export async function openOrm(o: DbOptions): Promise<Orm> {
  // Every one of them confirms commits on disk (records' journal integration too): one histogram, tsp_wal_flush_seconds.
  const dedicated = (purpose: string, sql: string) =>
    new DedicatedStatement({
      url: o.clientUrl,
      schema: o.schema,
      purpose,
      sql,
      observe: (started, outcome) => observeWalFlush(o.schema, started, outcome),
      onStatement: () => countStatement(o.schema),
    });
  const afterCommit = {
    flusher: dedicated('wal flush', CONFIRM_COMMITS_SQL),
    statements: new Map(Object.entries(o.afterCommit ?? {}).map(([name, sql]) => [name, dedicated(name, sql)])),
  };
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: o.clientUrl,
    schema: o.schema,
    entities: o.entities ?? [],
    extensions: [Migrator],
    migrations: {
      tableName: `${o.schema}.mikro_orm_migrations`,
      migrationsList: o.migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { warnWhenNoEntities: false },
    // Bounded waits: a database that is down fails a request in seconds (DEPENDENCY_UNAVAILABLE), not minutes.
    pool: { min: 0, max: o.poolMax ?? 10, acquireTimeoutMillis: dbAcquireTimeoutMs() },
    driverOptions: { connection: { connectionTimeoutMillis: dbConnectTimeoutMs() }, log: knexLog(o.schema) },
    // LOG_SQL lines go through pino too, so its redaction and number scrubbing apply to them.
    loggerFactory: (opts: LoggerOptions) =>
      new CountingLogger({ ...opts, writer: (line) => sqlLog.info(line) }, o.schema),
    debug: ['query'],
    allowGlobalContext: false,
    forceUtcTimezone: true,
    // Batch entity references and collections per tick, so lists cost a constant number of statements.
    dataloader: true,
    // Transactions that hand out positions flush the WAL after their COMMIT, outside the lock (group-commit.ts).
    subscribers: [new GroupCommitSubscriber(afterCommit)],
  });
  registerAfterCommit(orm.config, afterCommit);
  // MikroORM has no hook on close: the dedicated connections close with the pool.
  const closeOrm = orm.close.bind(orm);
  orm.close = async (force?: boolean) => {
    await Promise.all([afterCommit.flusher, ...afterCommit.statements.values()].map((d) => d.close()));
    await closeOrm(force);
  };
  const log = logger(`db:${o.schema}`);
  // A pg client that errors while idle (e.g. the database restarts) must not crash the process.
  const knex = orm.em.getConnection().getKnex();
  knex.client.pool?.on?.('createSuccess', (_id: unknown, conn: { on: (e: string, f: (err: Error) => void) => void }) =>
    conn.on('error', (err) => log.warn({ err: err.message }, 'idle database connection failed')),
  );
  return orm;
}

/** Former migration name → current name, for migrations renumbered after databases applied them. */
export type MigrationRenames = Readonly<Record<string, string>>;

/**
 * Records applied migrations under their current names, so a database migrated before a renumbering
 * does not run them again. One statement per rename, in one transaction; a fresh database (no
 * migrations table yet) has nothing to rename.
 */
export async function renameAppliedMigrations(orm: Orm, schema: string, renames: MigrationRenames): Promise<void> {
  const entries = Object.entries(renames);
  if (!entries.length) return;
  const table = `"${schema}".mikro_orm_migrations`;
  await orm.em.transactional(async (em) => {
    const [t] = await em.execute(`select to_regclass(?) as t`, [table]);
    if (!t?.t) return;
    for (const [from, to] of entries) await em.execute(`update ${table} set name = ? where name = ?`, [to, from]);
  });
}

/** Applies pending migrations of this service's schema (creating the schema first, renaming renumbered ones). */
export async function migrate(orm: Orm, schema: string, renames: MigrationRenames = {}): Promise<string[]> {
  await orm.em.getConnection().execute(`create schema if not exists "${schema}"`);
  await renameAppliedMigrations(orm, schema, renames);
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
