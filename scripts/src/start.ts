import path from 'node:path';

import { config, loadConfigOrExit, type ServiceName, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';

import { type EmbeddedProcess, startEmbeddedProcess } from './launcher/embedded-process.js';
import { serviceAddresses } from './launcher/ports.js';
import { readyHints } from './launcher/ready.js';
import { seedStore } from './launcher/seed-store.js';
import { Supervised, waitUntilHealthy } from './launcher/supervised.js';
import { migrateAll } from './migrate.js';
import { seedDemo } from './seed/index.js';

const ROOT = path.resolve(__dirname, '..', '..');
const say = (msg: string): void => void process.stdout.write(`\x1b[1mstart     |\x1b[0m ${msg}\n`);

async function databaseUrl(): Promise<{ url: string; embedded?: EmbeddedProcess }> {
  const given = config().DATABASE_URL;
  if (given) return { url: given };
  say('DATABASE_URL is not set: starting embedded PostgreSQL (data in .data/postgres)');
  // Detached (its own process group), so Ctrl-C reaches the services first and the database stops last.
  const embedded = await startEmbeddedProcess(path.join(ROOT, '.data', 'postgres'), { detached: true });
  return { url: embedded.url, embedded };
}

async function hasAgencies(gatewayUrl: string): Promise<boolean> {
  const r = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ agencies { id } }' }),
  });
  const body = (await r.json()) as { data?: { agencies: unknown[] }; errors?: { message: string }[] };
  // Unknown is not empty: never seed demo data over a database that may hold real data.
  if (!body.data) throw new Error(`could not ask for agencies: ${body.errors?.map((e) => e.message).join('; ')}`);
  return body.data.agencies.length > 0;
}

/**
 * Demo data unless the database holds data the launcher did not seed: a first start seeds, a start
 * after an interrupted seed completes it (the progress is in the database), a seeded one is left alone.
 */
async function seedIfNeeded(databaseUrl: string, gatewayUrl: string, stopping: () => boolean): Promise<void> {
  const store = await seedStore(databaseUrl);
  try {
    const state = await store.state();
    if (state === 'complete') return;
    if (state === 'none' && (await hasAgencies(gatewayUrl)))
      return say('the database holds agencies already: no demo data added');
    if (state === 'partial') say('completing the demo data an earlier start did not finish');
    else say('first run: seeding demo data for 宁晋县');
    await seedDemo(gatewayUrl, (m) => void (stopping() || say(`seed: ${m}`)), store);
  } finally {
    await store.close().catch(() => undefined);
  }
}

/**
 * npm start: database (embedded unless DATABASE_URL), migrations, the five subgraphs and the
 * gateway as separate processes, demo data on first run. A crashed service is restarted with backoff;
 * Ctrl-C (or SIGTERM) stops everything, and the launcher exits 0.
 */
async function main() {
  // Checked before anything starts; the services inherit the same environment.
  loadConfigOrExit();
  const t0 = Date.now();
  const children: Supervised[] = [];
  let embedded: EmbeddedProcess | undefined;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    const ends = await Promise.all([...children].reverse().map(async (c) => `${c.name} ${await c.stop()}`));
    await embedded?.stop();
    say(`stopped (exit codes: ${ends.join(', ')})`);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const db = await databaseUrl();
    embedded = db.embedded;
    const url = db.url;
    if (stopping) return;
    say('applying migrations');
    await migrateAll(url);
    if (stopping) return;
    const at = serviceAddresses();
    const urls = Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), at[n].url]));
    const names: ServiceName[] = [...SUBGRAPHS, 'gateway'];
    for (const [index, name] of names.entries()) {
      const childEnv = { ...urls, DATABASE_URL: url, PORT: String(at[name].port) };
      children.push(new Supervised({ name, env: childEnv, index, health: at[name].health }, say));
    }
    const timeoutMs = config().LAUNCHER_WAIT_MS;
    await Promise.all(children.map((c) => waitUntilHealthy(c, { say, timeoutMs })));
    if (stopping) return;
    const gateway = at.gateway.url;
    await seedIfNeeded(url, gateway, () => stopping);
    if (stopping) return;
    say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    say(`GraphQL:  POST ${gateway}`);
    say(`Portal:   ${new URL('/', gateway)}   (公示门户, public)`);
    say(`Dashboard: ${new URL('/supervision', gateway)}   (监督看板, SUPERVISOR token)`);
    say(`Sandbox:  ${new URL('/sandbox', gateway)}   (works offline)`);
    for (const line of await readyHints(gateway)) say(line);
    say('Ctrl-C stops everything.');
  } catch (e) {
    if (stopping) return;
    say(`failed: ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
  }
}

void main();
