import { Counter, type Registry } from 'prom-client';

/** Statements sent per schema (= per service) in this process: [for GraphQL requests, background]. */
const counts = new Map<string, [number, number]>();

/** Called by the ORM's query logger for every statement (shared/src/db/orm.ts). */
export function countSqlStatement(schema: string, inRequest: boolean): void {
  let c = counts.get(schema);
  if (!c) counts.set(schema, (c = [0, 0]));
  c[inRequest ? 0 : 1]++;
}

/**
 * Statements sent for GraphQL requests so far, per schema (= per service) in this process: what the bench reads
 * from each subgraph's /internal/stats when they run apart, for tests that run them all in one process.
 */
export function requestSqlStatementsBySchema(): Record<string, number> {
  return Object.fromEntries([...counts].map(([schema, [request]]) => [schema, request]));
}

/**
 * Statements sent outside GraphQL requests so far (workers, consumers, scrapes), per schema (= per service) in this
 * process: for tests that count what one service's background work costs while idle.
 */
export function backgroundSqlStatementsBySchema(): Record<string, number> {
  return Object.fromEntries([...counts].map(([schema, [, background]]) => [schema, background]));
}

/** tsp_sql_statements_total of one service; read from the counts at scrape time. */
export function sqlStatementsMetric(registry: Registry, schema: string): void {
  new Counter({
    name: 'tsp_sql_statements_total',
    help: 'SQL statements sent to PostgreSQL: scope "request" for GraphQL requests, "background" for the rest',
    labelNames: ['scope'],
    registers: [registry],
    collect() {
      const [request, background] = counts.get(schema) ?? [0, 0];
      this.reset();
      this.inc({ scope: 'request' }, request);
      this.inc({ scope: 'background' }, background);
    },
  });
}
