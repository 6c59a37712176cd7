import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  childEnv,
  config,
  DEV_INTERNAL_SECRET,
  DEV_JWT_SECRET,
  freePort,
  INTERNAL_SECRET_HEADER,
  internalSecret,
  overrideConfig,
  startEmbeddedPostgres,
  type SubgraphName,
  SUBGRAPHS,
  subgraphUrlVar,
} from '@tsp/shared';
import { Client } from 'pg';

import { type Child, startChild, waitHealthy } from '../launcher/children.js';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const BENCH_DIR = path.join(ROOT, 'bench');

/** A throwaway database: a fresh one on DATABASE_URL's server, or an embedded PostgreSQL in a temp folder. */
export async function benchDatabase(): Promise<{ url: string; admin: string; stop(): Promise<void> }> {
  const given = config().DATABASE_URL;
  if (given) {
    const name = `bench_${randomBytes(4).toString('hex')}`;
    const c = new Client({ connectionString: given });
    await c.connect();
    await c.query(`create database ${name}`);
    await c.end();
    const u = new URL(given);
    u.pathname = `/${name}`;
    return {
      url: u.toString(),
      admin: given,
      async stop() {
        const d = new Client({ connectionString: given });
        await d.connect();
        await d.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
        await d.end();
      },
    };
  }
  const dir = path.join(os.tmpdir(), `tsp-bench-${randomBytes(3).toString('hex')}`, 'data');
  const db = await startEmbeddedPostgres(dir);
  return {
    url: db.url,
    admin: db.url,
    async stop() {
      await db.stop();
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    },
  };
}

/** Installs bench/ (autocannon, Hive Gateway) on first use, so the main install stays lean. */
export async function ensureBenchInstalled(say: (m: string) => void): Promise<void> {
  const have = ['autocannon', '@graphql-hive/gateway', '@graphql-hive/router-runtime'].every((p) =>
    fs.existsSync(path.join(BENCH_DIR, 'node_modules', p, 'package.json')),
  );
  if (have) return;
  say('first run: npm install --prefix bench (autocannon, @graphql-hive/gateway)');
  await new Promise<void>((resolve, reject) => {
    const p = spawn('npm', ['install', '--prefix', BENCH_DIR, '--no-audit', '--no-fund', '--loglevel=error'], {
      stdio: 'inherit',
    });
    p.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`npm install --prefix bench failed (${code})`)),
    );
  });
}

/** The peer gateways: Hive Gateway as it comes, and with its Rust query planner (the fastest peer). */
export const PEERS = ['hive', 'hive-rust'] as const;
export type Peer = (typeof PEERS)[number];
type Server = SubgraphName | 'gateway' | Peer;

export interface Running {
  urls: Record<Server, string>;
  pids: Record<Server, number>;
  /** With several instances (--instances): every instance of each subgraph, whose counters are summed. */
  instances?: Record<SubgraphName, string[]>;
  /** With several gateways: all of them (the RSS reported is the largest). */
  gatewayPids?: number[];
  stop(): Promise<void>;
}

/**
 * The services run with NODE_ENV=production, which refuses the development secrets: unless the caller set
 * its own, this run gets fresh ones, here (tokens are signed in this process) and in every child.
 */
export function productionSecrets(): void {
  const { INTERNAL_SECRET, JWT_SECRET } = config();
  if (INTERNAL_SECRET === DEV_INTERNAL_SECRET || JWT_SECRET === DEV_JWT_SECRET)
    overrideConfig({
      INTERNAL_SECRET: INTERNAL_SECRET === DEV_INTERNAL_SECRET ? randomBytes(32).toString('hex') : INTERNAL_SECRET,
      JWT_SECRET: JWT_SECRET === DEV_JWT_SECRET ? randomBytes(32).toString('hex') : JWT_SECRET,
    });
}

/** The subgraphs, our gateway and both Hive Gateways, each a process of its own, on free ports. */
export async function startServices(databaseUrl: string): Promise<Running> {
  productionSecrets();
  const ports = Object.fromEntries(
    await Promise.all([...SUBGRAPHS, 'gateway', ...PEERS].map(async (n) => [n, await freePort()])),
  ) as Record<Server, number>;
  const urls = Object.fromEntries(
    Object.entries(ports).map(([n, p]) => [n, `http://127.0.0.1:${p}/graphql`]),
  ) as Running['urls'];
  const subgraphEnv = Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), urls[n]]));
  const base = {
    ...subgraphEnv,
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: config().LOG_LEVEL ?? 'error',
    NODE_ENV: 'production',
  };
  const children: Child[] = [];
  const stop = async () => {
    await Promise.all(children.reverse().map((c) => c.stop()));
  };
  try {
    for (const [i, name] of [...SUBGRAPHS, 'gateway'].entries()) {
      children.push(startChild(name, { ...base, PORT: String(ports[name as SubgraphName]) }, i));
    }
    for (const peer of PEERS)
      children.push(
        hiveChild(peer, {
          ...base,
          PORT: String(ports[peer]),
          SUPERGRAPH: path.join(ROOT, 'gateway', 'supergraph.graphql'),
          INTERNAL_SECRET: internalSecret(),
          HIVE_PLANNER: peer === 'hive-rust' ? 'rust' : 'javascript',
        }),
      );
    await Promise.all(
      children.map((c) =>
        waitHealthy(
          (PEERS as readonly string[]).includes(c.name)
            ? urls[c.name as Peer].replace(/\/graphql$/, '/healthcheck')
            : urls[c.name as SubgraphName].replace(/\/graphql$/, '/health'),
          c,
          // Eight processes start at once on two cores; on a machine loaded by other work that takes minutes.
          180_000,
        ),
      ),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  const pids = Object.fromEntries(children.map((c) => [c.name, c.proc.pid!])) as Running['pids'];
  return { urls, pids, stop };
}

function hiveChild(name: Peer, env: NodeJS.ProcessEnv): Child {
  const proc = spawn(process.execPath, [path.join(BENCH_DIR, 'hive.js')], {
    cwd: BENCH_DIR,
    env: childEnv(env),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    name,
    proc,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      const t = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(t);
    },
  };
}

/**
 * SQL statements so far and RSS of one subgraph (its own counters, read over HTTP): all statements,
 * and those run for GraphQL requests (background consumers excluded; absent in older subgraphs).
 */
export async function subgraphStats(
  url: string,
): Promise<{ sqlStatements: number; requestSqlStatements?: number; rss: number }> {
  const r = await fetch(url.replace(/\/graphql$/, '/internal/stats'), {
    headers: { [INTERNAL_SECRET_HEADER]: internalSecret() },
  });
  if (!r.ok) throw new Error(`${url}: /internal/stats answered ${r.status}`);
  return (await r.json()) as { sqlStatements: number; requestSqlStatements?: number; rss: number };
}

/** VmRSS of a process in bytes (Linux). */
export function processRss(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}
