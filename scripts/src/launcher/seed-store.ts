import { Client } from 'pg';

import type { SeedStore } from '../seed/index.js';

/**
 * The demo seed's progress, kept in the database it seeds (schema `launcher`, created here: it is the
 * launcher's, not a service's): the day the seed began (its dates are relative to that day, so a
 * resumed seed sends the same arguments) and each finished step with its result. A step cut short is
 * run again; its writes carry Idempotency-Keys, so what it already wrote is replayed, not doubled.
 */
export interface LauncherSeedStore extends SeedStore {
  /** none: never begun; partial: begun, not complete. */
  state(): Promise<'none' | 'partial' | 'complete'>;
  close(): Promise<void>;
}

export async function seedStore(databaseUrl: string): Promise<LauncherSeedStore> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  await db.query(`create schema if not exists launcher`);
  await db.query(`create table if not exists launcher.seed_step (
    step text primary key, result jsonb, finished_at timestamptz not null default now())`);
  const get = async (step: string) =>
    (await db.query<{ result: unknown }>(`select result from launcher.seed_step where step = $1`, [step])).rows[0];
  const put = (step: string, result: unknown) =>
    db.query(`insert into launcher.seed_step (step, result) values ($1, $2::jsonb) on conflict (step) do nothing`, [
      step,
      JSON.stringify(result ?? null),
    ]);
  return {
    async begin(today) {
      await put('begun', { today });
      return ((await get('begun'))!.result as { today: string }).today;
    },
    async result<T>(step: string) {
      const row = await get(`step:${step}`);
      return row ? (row.result as T) : undefined;
    },
    async finish(step, result) {
      await put(`step:${step}`, result);
    },
    async complete() {
      await put('complete', null);
    },
    async state() {
      if (await get('complete')) return 'complete';
      return (await get('begun')) ? 'partial' : 'none';
    },
    close: () => db.end(),
  };
}
