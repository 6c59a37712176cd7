import type { Client } from 'pg';

/**
 * Multi-row INSERT in chunks (PostgreSQL allows 65,535 parameters per statement): the bench seeds
 * tens of thousands of rows in seconds, where the API would take many minutes.
 */
export async function insertRows(
  db: Client,
  table: string,
  columns: readonly string[],
  rows: readonly unknown[][],
): Promise<void> {
  const per = Math.max(1, Math.floor(60_000 / columns.length));
  for (let start = 0; start < rows.length; start += per) {
    const chunk = rows.slice(start, start + per);
    const params: unknown[] = [];
    const values = chunk.map((r) => `(${r.map((v) => (params.push(v), `$${params.length}`)).join(',')})`);
    await db.query(`insert into ${table} (${columns.join(',')}) values ${values.join(',')}`, params);
  }
}
