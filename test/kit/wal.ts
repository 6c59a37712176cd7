import type { Client } from 'pg';

/**
 * Runs `fn` with PostgreSQL's WAL writer stopped (SIGSTOP), so that nothing but the code under test flushes an
 * asynchronous commit: an idle WAL writer is woken by one and flushes it within microseconds, which would hide a
 * missing flush. Sessions that commit synchronously flush themselves, so other test files are not held up.
 * Needs the run's embedded server (same machine and user); with an external DATABASE_URL it runs unpaused.
 */
export async function withWalWriterPaused<T>(probe: Client, fn: () => Promise<T>): Promise<T> {
  const { rows } = await probe.query<{ pid: number }>(
    `select pid from pg_stat_activity where backend_type = 'walwriter'`,
  );
  const pid = rows[0]?.pid;
  return pid && ownsServer() ? withProcessPaused(pid, fn) : fn();
}

/** Runs `fn` with the server process `pid` (a backend, the WAL writer) stopped, and lets it go on after. */
export async function withProcessPaused<T>(pid: number, fn: () => Promise<T>): Promise<T> {
  process.kill(pid, 'SIGSTOP');
  try {
    return await fn();
  } finally {
    process.kill(pid, 'SIGCONT');
  }
}

/** Has the WAL been flushed at least through `lsn`? */
export async function flushedThrough(probe: Client, lsn: string): Promise<boolean> {
  const { rows } = await probe.query<{ ok: boolean }>('select pg_current_wal_flush_lsn() >= $1::pg_lsn as ok', [lsn]);
  return rows[0].ok;
}

/** Can a test signal PostgreSQL's processes? Only the run's embedded server's (same machine and user). */
export const ownsServer = (): boolean => !process.env.DATABASE_URL;
