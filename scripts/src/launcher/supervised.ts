import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

import { childEnv, NODE_FLAGS, type ServiceName } from '@tsp/shared';

import { nextAttempt, restartDelayMs } from './backoff.js';
import { forwardOutput } from './children.js';
import { cpuSeconds } from './cpu.js';

export interface ChildSpec {
  name: ServiceName;
  env: NodeJS.ProcessEnv;
  index: number;
  /** Liveness URL polled while waiting. */
  health: string;
}

/**
 * One service process under npm start. It runs in its own process group, so Ctrl-C reaches only the
 * launcher, which then stops the services itself (and an exit the launcher did not ask for is a crash,
 * never a race with the terminal's signal). A crash is restarted with backoff (backoff.ts) and said;
 * the process also stops when the launcher dies (run-service.ts stops on IPC disconnect).
 */
export class Supervised {
  proc!: ChildProcess;
  /** Increases with each (re)start: a wait for one process ends when another replaces it. */
  generation = 0;
  /** How the last process ended: its exit code, or the signal's name. */
  lastExit: number | string | null = null;
  private stopping = false;
  private attempt = -1;
  private startedAt = 0;
  private restartTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly spec: ChildSpec,
    private readonly say: (msg: string) => void,
  ) {
    this.spawn();
  }

  get name(): ServiceName {
    return this.spec.name;
  }

  private spawn(): void {
    const { name, env, index } = this.spec;
    const script = path.join(__dirname, '..', 'run-service.js');
    const proc = spawn(process.execPath, ['--enable-source-maps', ...(NODE_FLAGS[name] ?? []), script, name], {
      env: childEnv(env),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    });
    forwardOutput(proc, name, index);
    this.proc = proc;
    this.generation++;
    this.startedAt = Date.now();
    this.say(`${name}: pid ${proc.pid}`);
    proc.once('exit', (code, signal) => this.exited(code, signal));
  }

  private exited(code: number | null, signal: NodeJS.Signals | null): void {
    this.lastExit = code ?? signal;
    if (this.stopping) return;
    const up = Date.now() - this.startedAt;
    this.attempt = nextAttempt(this.attempt, up);
    const delay = restartDelayMs(this.attempt);
    const how = code !== null ? `code ${code}` : `signal ${signal}`;
    this.say(`${this.name} exited (${how}) after ${(up / 1000).toFixed(1)}s; restarting it in ${delay / 1000}s`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.spawn();
      const generation = this.generation;
      waitUntilHealthy(this, { say: this.say, sameProcess: true })
        .then((ok) => ok && generation === this.generation && this.say(`${this.name} restarted and healthy again`))
        .catch((e: Error) => this.say(e.message));
    }, delay);
  }

  /** Stops the service (SIGTERM, SIGKILL after 10 s); answers how it ended. */
  async stop(): Promise<number | string | null> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const proc = this.proc;
    if (proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
      proc.kill('SIGTERM');
      const timeout = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    }
    return this.lastExit;
  }

  get stopped(): boolean {
    return this.stopping;
  }
}

export interface WaitOptions {
  say: (msg: string) => void;
  /** Give up after this long (LAUNCHER_WAIT_MS, default 180 s). */
  timeoutMs?: number;
  /** Say what is awaited this often. */
  everyMs?: number;
  /** Answer false as soon as the process is replaced (a restart's own wait); else crashes are waited through. */
  sameProcess?: boolean;
}

/**
 * Polls the child's /health until it answers 200. Restarts are waited through (the launcher restarts
 * a crashed child), every 10 s it says what it is waiting for and the CPU the process used, and it
 * gives up after timeoutMs: a start on a loaded machine is slow, not failed. Answers false when the
 * launcher is stopping (or, with sameProcess, when another process replaced this one).
 */
export async function waitUntilHealthy(child: Supervised, o: WaitOptions): Promise<boolean> {
  const timeoutMs = o.timeoutMs ?? 180_000;
  const everyMs = o.everyMs ?? 10_000;
  const t0 = Date.now();
  const generation = child.generation;
  let nextSay = t0 + everyMs;
  while (!child.stopped && !(o.sameProcess && child.generation !== generation)) {
    try {
      const r = await fetch(child.spec.health, { signal: AbortSignal.timeout(2000) });
      if (r.ok) return true;
    } catch {
      // not listening yet
    }
    const now = Date.now();
    if (now - t0 >= timeoutMs) {
      const limit = Math.round(timeoutMs / 1000);
      throw new Error(`${child.name} did not become healthy at ${child.spec.health} within ${limit}s`);
    }
    if (now >= nextSay) {
      nextSay = now + everyMs;
      const cpu = cpuSeconds(child.proc.pid);
      const used = cpu === undefined ? '' : `, ${cpu.toFixed(1)}s CPU so far`;
      o.say(`waiting for ${child.name} (health)… ${Math.round((now - t0) / 1000)}s${used}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}
