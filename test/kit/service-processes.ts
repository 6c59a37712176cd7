import { type ChildProcess, spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

import { childEnv, type ServiceName, SUBGRAPHS, subgraphUrlVar } from '@tsp/shared';

const RUN_SERVICE = path.resolve(__dirname, '..', '..', 'scripts', 'dist', 'run-service.js');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ServiceProcesses {
  gatewayUrl: string;
  /** Every JSON log line each process wrote, parsed. */
  logs: Record<ServiceName, Record<string, unknown>[]>;
  stop(): Promise<void>;
}

/**
 * The platform as operators run it (or `only` some of it): the five subgraphs and the gateway, each its own
 * `node scripts/dist/run-service.js <name>` process (so the tracing SDK starts as it does in
 * production), on free ports, waiting until each answers /health.
 */
export async function startServiceProcesses(
  databaseUrl: string,
  extraEnv: Record<string, string>,
  o: { only?: ServiceName[]; deadlineMs?: number } = {},
): Promise<ServiceProcesses> {
  const names: ServiceName[] = o.only ?? [...SUBGRAPHS, 'gateway'];
  const deadlineMs = o.deadlineMs ?? 180_000;
  // Every subgraph gets a port (and a URL), started or not: a call to one not started fails fast.
  const ports = Object.fromEntries(
    await Promise.all([...SUBGRAPHS, 'gateway'].map(async (n) => [n, await freePort()] as const)),
  ) as Record<ServiceName, number>;
  const urls = Object.fromEntries(SUBGRAPHS.map((n) => [subgraphUrlVar(n), `http://127.0.0.1:${ports[n]}/graphql`]));
  const logs = Object.fromEntries(names.map((n) => [n, []])) as unknown as ServiceProcesses['logs'];
  const procs: ChildProcess[] = names.map((name) => {
    const proc = spawn(process.execPath, [RUN_SERVICE, name], {
      env: childEnv({ ...urls, ...extraEnv, DATABASE_URL: databaseUrl, PORT: String(ports[name]), HOST: '127.0.0.1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [proc.stdout!, proc.stderr!])
      readline.createInterface({ input: stream }).on('line', (line) => {
        try {
          logs[name].push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          logs[name].push({ text: line });
        }
      });
    return proc;
  });
  const exited = procs.map(
    (p) => new Promise<void>((resolve) => (p.exitCode !== null ? resolve() : p.once('exit', () => resolve()))),
  );
  const stop = async () => {
    for (const p of procs) if (p.exitCode === null) p.kill('SIGTERM');
    await Promise.all(exited);
  };
  try {
    await Promise.all(
      names.map(async (name, i) => {
        const until = Date.now() + deadlineMs;
        for (;;) {
          if (procs[i].exitCode !== null)
            throw new Error(`${name} exited (${procs[i].exitCode}): ${JSON.stringify(logs[name].slice(-5))}`);
          const ok = await fetch(`http://127.0.0.1:${ports[name]}/health`, { signal: AbortSignal.timeout(1000) }).then(
            (r) => r.ok,
            () => false,
          );
          if (ok) return;
          if (Date.now() > until) throw new Error(`${name} did not answer /health within ${deadlineMs} ms`);
          await new Promise((r) => setTimeout(r, 200));
        }
      }),
    );
  } catch (e) {
    await stop();
    throw e;
  }
  return { gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`, logs, stop };
}
