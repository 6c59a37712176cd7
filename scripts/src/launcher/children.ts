import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

import { childEnv, NODE_FLAGS, type ServiceName } from '@tsp/shared';

const COLORS = ['\x1b[36m', '\x1b[33m', '\x1b[35m', '\x1b[32m', '\x1b[34m'];
const RESET = '\x1b[0m';

export interface Child {
  name: string;
  proc: ChildProcess;
  stop(): Promise<void>;
}

/** Copies a child's stdout and stderr to ours, each line prefixed with its name (coloured on a terminal). */
export function forwardOutput(proc: ChildProcess, name: string, index: number): void {
  const color = process.stdout.isTTY ? COLORS[index % COLORS.length] : '';
  const prefix = `${color}${name.padEnd(10)}|${color ? RESET : ''} `;
  for (const stream of [proc.stdout!, proc.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(prefix + line + '\n'));
  }
}

/** Starts one service as its own process, its output prefixed with its name (or `label`: a second instance's). */
export function startChild(name: string, env: NodeJS.ProcessEnv, index: number, label = name): Child {
  const script = path.join(__dirname, '..', 'run-service.js');
  const flags = NODE_FLAGS[name as ServiceName] ?? [];
  const proc = spawn(process.execPath, ['--enable-source-maps', ...flags, script, name], {
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  forwardOutput(proc, label, index);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    name: label,
    proc,
    async stop() {
      if (proc.exitCode !== null) return;
      proc.kill('SIGTERM');
      const timeout = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timeout);
    },
  };
}

/** Polls a health URL until it answers 200 (or the child dies / time runs out). */
export async function waitHealthy(url: string, child: Child, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.proc.exitCode !== null) throw new Error(`${child.name} exited with code ${child.proc.exitCode}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${child.name} did not become healthy at ${url} within ${ms / 1000}s`);
}
