import path from 'node:path';
import { fork } from 'node:child_process';
import { DEFAULT_PORTS, SUBGRAPHS, env, subgraphUrlVar, type ServiceName } from '@tsp/shared';
import { migrateAll } from './migrate.js';
import { startChild, waitHealthy, type Child } from './launcher/children.js';
import { seedDemo } from './seed/index.js';

const ROOT = path.resolve(__dirname, '..', '..');
const say = (msg: string) => process.stdout.write(`\x1b[1mstart     |\x1b[0m ${msg}\n`);

interface Embedded {
  stop(): Promise<void>;
}

/** Starts scripts/dist/embedded-db.js detached (its own process group) and waits for its URL. */
function startEmbedded(): Promise<{ url: string; embedded: Embedded }> {
  const proc = fork(path.join(__dirname, 'embedded-db.js'), [path.join(ROOT, '.data', 'postgres')], { detached: true, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    proc.once('message', (m: { url: string }) =>
      resolve({
        url: m.url,
        embedded: {
          async stop() {
            if (proc.exitCode !== null) return;
            proc.send('stop');
            await exited;
          },
        },
      }),
    );
    proc.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with code ${code}`)));
  });
}

async function databaseUrl(): Promise<{ url: string; embedded?: Embedded }> {
  const given = env('DATABASE_URL');
  if (given) return { url: given };
  say('DATABASE_URL is not set: starting embedded PostgreSQL (data in .data/postgres)');
  return startEmbedded();
}

async function isEmpty(gatewayUrl: string): Promise<boolean> {
  const r = await fetch(gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ agencies { id } }' }) });
  const body = (await r.json()) as { data?: { agencies: unknown[] } };
  return (body.data?.agencies.length ?? 0) === 0;
}

/**
 * npm start: database (embedded unless DATABASE_URL), migrations, the four subgraphs and the
 * gateway as separate processes, demo data on first run. Ctrl-C stops everything.
 */
async function main() {
  const t0 = Date.now();
  const { url, embedded } = await databaseUrl();
  say('applying migrations');
  await migrateAll(url);
  const children: Child[] = [];
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('stopping…');
    await Promise.all([...children].reverse().map((c) => c.stop()));
    await embedded?.stop();
    say('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    const urls = Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), env(subgraphUrlVar(n)) ?? `http://127.0.0.1:${DEFAULT_PORTS[n]}/graphql`]));
    const names: ServiceName[] = [...SUBGRAPHS, 'gateway'];
    for (const [i, name] of names.entries()) {
      const child = startChild(name, { ...urls, DATABASE_URL: url, PORT: String(DEFAULT_PORTS[name]) }, i);
      children.push(child);
      child.proc.once('exit', (code) => {
        if (!stopping) {
          say(`${name} exited (code ${code}); stopping the platform`);
          void shutdown(1);
        }
      });
    }
    await Promise.all(children.map((c) => waitHealthy(`http://127.0.0.1:${DEFAULT_PORTS[c.name as ServiceName]}/health`, c)));
    const gateway = `http://127.0.0.1:${DEFAULT_PORTS.gateway}`;
    if (await isEmpty(`${gateway}/graphql`)) {
      say('first run: seeding demo data for 宁晋县');
      await seedDemo(`${gateway}/graphql`, (m) => say(`seed: ${m}`));
    }
    say(`ready in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    say(`GraphQL:  POST ${gateway}/graphql`);
    say(`Sandbox:  ${gateway}/sandbox   (works offline)`);
    say(`Tokens:   npm run token -- --role SUPERVISOR --region 宁晋县`);
    say('Ctrl-C stops everything.');
  } catch (e) {
    say(`failed: ${e instanceof Error ? e.message : String(e)}`);
    await shutdown(1);
  }
}

void main();
