import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { INTERNAL_SECRET_HEADER, internalSecret, SUBGRAPHS } from '@tsp/shared';

import { BENCH_DIR, processRss, type Running, subgraphStats } from './platform.js';
import type { Scenario, Target } from './scenarios.js';

export interface Measurement {
  scenario: string;
  target: Target;
  connections: number;
  requests: number;
  rps: number;
  /** Percentiles of the answered requests; null when none was answered within the run. */
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** The first request, cold (the sample that must answer without errors): includes query planning. */
  firstMs: number;
  /** Median of seven requests one at a time after the warm-up: the latency without load. */
  aloneMs: number;
  non2xx: number;
  errors: number;
  graphqlErrors: number;
  /** The first answer with GraphQL errors, if any (its first 500 characters). */
  errorSample: string | null;
  /** SQL statements the four subgraphs ran for GraphQL requests during the run, per request (background work excluded). */
  sqlPerRequest: number;
  sqlPerSubgraph: Record<string, number>;
  /** Every statement during the run per request, background work (event consumers reacting to writes, audits) included. */
  allSqlPerRequest: number;
  /** Peak RSS of the gateway measured (ours or Hive's; none when direct), MB. */
  gatewayRssMb: number | null;
  /** RSS of each subgraph after the run, MB (summed over its instances). */
  subgraphRssMb: Record<string, number>;
}

export interface LoadOptions {
  connections: number;
  duration: number;
  warmup: number;
}

const MB = 1024 * 1024;

export function targetUrl(run: Running, s: Scenario, t: Target): string {
  return t === 'direct' ? run.urls[s.owner!] : run.urls[t];
}

function headers(s: Scenario, t: Target): Record<string, string> {
  const h: Record<string, string> = {};
  if (s.authorizations?.length) h.authorization = s.authorizations[0];
  if (t === 'direct') h[INTERNAL_SECRET_HEADER] = internalSecret();
  return h;
}

/** A benchmark of error answers measures nothing: one request must succeed with data before the load. */
export async function verifySample(run: Running, s: Scenario, t: Target): Promise<number> {
  return (await answer(run, s, t, s.bodies[0])).ms;
}

async function answer(run: Running, s: Scenario, t: Target, body: string): Promise<{ ms: number; data: unknown }> {
  const t0 = performance.now();
  const r = await fetch(targetUrl(run, s, t), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers(s, t) },
    body,
  });
  const text = await r.text();
  let json: { data?: unknown; errors?: unknown[] } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // reported below
  }
  if (!r.ok || json.errors?.length || !json.data)
    throw new Error(
      `${s.key} via ${t}: the sample request failed (HTTP ${r.status}): ${text.slice(0, 600)}\nrefusing to benchmark error answers`,
    );
  return { ms: performance.now() - t0, data: json.data };
}

/**
 * A faster gateway that answers differently measures nothing: the first three bodies of a request must
 * give every target the same data as our gateway (for a mutation, the same fields, each present).
 */
export async function verifySameAnswers(run: Running, s: Scenario, targets: Target[]): Promise<void> {
  const shape = (x: unknown): unknown =>
    x && typeof x === 'object'
      ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, shape(v)]))
      : x === null
        ? null
        : typeof x;
  for (const body of s.bodies.slice(0, 3)) {
    const ours = JSON.stringify((s.write ? shape : (x: unknown) => x)((await answer(run, s, 'gateway', body)).data));
    for (const t of targets.filter((x) => x !== 'gateway')) {
      const theirs = JSON.stringify((s.write ? shape : (x: unknown) => x)((await answer(run, s, t, body)).data));
      if (theirs !== ours)
        throw new Error(
          `${s.key} via ${t} answers differently from our gateway:\n ours ${ours.slice(0, 400)}\n ${t} ${theirs.slice(0, 400)}`,
        );
    }
  }
}

/**
 * Waits until no subgraph is still working off an earlier load: few statements per second and every
 * /health answering promptly (a subgraph busy hashing answers late). Gives up after two minutes.
 */
export async function quiesce(run: Running, say: (m: string) => void): Promise<void> {
  const until = Date.now() + 120_000;
  let warned = false;
  while (Date.now() < until) {
    const a = await statsAll(run);
    const t0 = performance.now();
    await Promise.all(instanceUrls(run).map((u) => fetch(u.replace(/\/graphql$/, '/health'))));
    const healthMs = performance.now() - t0;
    // Half a second: the bench waits here about thirty times, and --quick must stay under two minutes.
    await new Promise((r) => setTimeout(r, QUIET_WINDOW_MS));
    const b = await statsAll(run);
    const sql = (SUBGRAPHS.reduce((x, n) => x + b[n].sqlStatements - a[n].sqlStatements, 0) * 1000) / QUIET_WINDOW_MS;
    // The idle background (consumers and workers polling) grows with the instances: the bound with it.
    const sets = Math.max(1, ...SUBGRAPHS.map((n) => run.instances?.[n].length ?? 1));
    if (sql < 40 * sets && healthMs < 100) return;
    if (!warned)
      say(`waiting for the servers to finish earlier work (${sql} statements/s, health in ${healthMs.toFixed(0)} ms)`);
    warned = true;
  }
}

const QUIET_WINDOW_MS = 500;

const instanceUrls = (run: Running) => SUBGRAPHS.flatMap((n) => run.instances?.[n] ?? [run.urls[n]]);

/** Each subgraph's counters, summed over its instances. */
async function statsAll(run: Running) {
  return Object.fromEntries(
    await Promise.all(
      SUBGRAPHS.map(async (n) => {
        const each = await Promise.all((run.instances?.[n] ?? [run.urls[n]]).map((u) => subgraphStats(u)));
        const sum = (f: (x: (typeof each)[number]) => number) => each.reduce((a, x) => a + f(x), 0);
        return [
          n,
          {
            sqlStatements: sum((x) => x.sqlStatements),
            requestSqlStatements: sum((x) => x.requestSqlStatements ?? x.sqlStatements),
            rss: sum((x) => x.rss),
          },
        ] as const;
      }),
    ),
  );
}

/**
 * A warm-up load alone (o.warmup seconds), not measured. Run through every target of a request before
 * its first measured load, so the subgraphs' code is equally warm for each: otherwise the target
 * measured first pays for the JIT (the case request at 10 connections measured 0.74-0.87× Hive's
 * rate via ours when ours went first, 1.3-1.4× once both were warm).
 */
export async function warm(
  run: Running,
  s: Scenario,
  t: Target,
  o: LoadOptions,
  say: (m: string) => void,
): Promise<void> {
  await verifySample(run, s, t);
  await load(writeSpec(run, s, t, o), { warmupOnly: true });
  await quiesce(run, say);
}

function writeSpec(run: Running, s: Scenario, t: Target, o: LoadOptions): string {
  const specFile = path.join(os.tmpdir(), `tsp-bench-spec-${process.pid}.json`);
  fs.writeFileSync(
    specFile,
    JSON.stringify({
      url: targetUrl(run, s, t),
      headers: headers(s, t),
      authorizations: s.authorizations ?? [],
      bodies: s.bodies,
      connections: o.connections,
      duration: o.duration,
      warmup: o.warmup,
    }),
  );
  return specFile;
}

/** Runs autocannon (bench/load.js, its own process) against one target and reads the servers' counters around it. */
export async function measure(
  run: Running,
  s: Scenario,
  t: Target,
  o: LoadOptions,
  say: (m: string) => void,
): Promise<Measurement> {
  const firstMs = await verifySample(run, s, t);
  const specFile = writeSpec(run, s, t, o);
  const gatewayPids = t === 'direct' ? [] : t === 'gateway' && run.gatewayPids ? run.gatewayPids : [run.pids[t]];
  let peak = 0;
  const sample = () => {
    for (const pid of gatewayPids) peak = Math.max(peak, processRss(pid));
  };
  // Warm-up first as a load of its own, so the counters read next cover only the measured load.
  if (o.warmup > 0) {
    await load(specFile, { warmupOnly: true });
    // Requests cut off at the end of the warm-up would otherwise still run in the measured window.
    await quiesce(run, say);
  }
  const alone: number[] = [];
  for (let i = 0; i < 7; i++) alone.push(await verifySample(run, s, t));
  const aloneMs = alone.sort((a, b) => a - b)[3];
  const before = await statsAll(run);
  const timer = setInterval(sample, 250);
  let out: LoadResult;
  try {
    out = await load(specFile, { warmupOnly: false });
  } finally {
    clearInterval(timer);
    sample();
  }
  const after = await statsAll(run);
  const per = (n: number) => n / Math.max(1, out.requests);
  const requestSql = (x: { sqlStatements: number; requestSqlStatements?: number }) =>
    x.requestSqlStatements ?? x.sqlStatements;
  const sqlPerSubgraph = Object.fromEntries(
    SUBGRAPHS.map((n) => [n, per(requestSql(after[n]) - requestSql(before[n]))]),
  );
  const allSqlPerRequest = SUBGRAPHS.reduce((x, n) => x + per(after[n].sqlStatements - before[n].sqlStatements), 0);
  return {
    scenario: s.key,
    target: t,
    connections: o.connections,
    requests: out.requests,
    rps: out.rps,
    p50: out.p50,
    p95: out.p95,
    p99: out.p99,
    firstMs,
    aloneMs,
    non2xx: out.non2xx,
    errors: out.errors,
    graphqlErrors: out.graphqlErrors,
    errorSample: out.sample,
    sqlPerRequest: Object.values(sqlPerSubgraph).reduce((x, y) => x + y, 0),
    sqlPerSubgraph,
    allSqlPerRequest,
    gatewayRssMb: gatewayPids.length ? peak / MB : null,
    subgraphRssMb: Object.fromEntries(SUBGRAPHS.map((n) => [n, after[n].rss / MB])),
  };
}

interface LoadResult {
  requests: number;
  rps: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  non2xx: number;
  errors: number;
  graphqlErrors: number;
  sample: string | null;
}

function load(specFile: string, mode: { warmupOnly: boolean }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      [path.join(BENCH_DIR, 'load.js'), specFile, mode.warmupOnly ? 'warmup' : 'measure'],
      { cwd: BENCH_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout!.on('data', (d) => (out += d));
    p.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/load.js exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!));
      } catch (e) {
        reject(e);
      }
    });
  });
}
